using Microsoft.Playwright;
using PowerVerse.Dashboard.Tests.Accessibility;
using PowerVerse.Dashboard.Tests.Screenshots;
using PowerVerse.Dashboard.Tests.Wallet;

namespace PowerVerse.Dashboard.Tests.Browser;

/// <summary>
/// One user at the dashboard: a fresh browser context (the user's time zone, no cache) with their wallet injected, one
/// page, and what the browser reported as errors. <see cref="CheckScreenAsync"/> is what every screen gets: a
/// screenshot with the test results and an axe-core scan.
/// </summary>
public sealed class DashboardSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _origin;
    private readonly List<string> _browserErrors = [];

    private DashboardSession(IBrowserContext context, IPage page, Uri origin, TestWallet wallet, string scenario)
    {
        _context = context;
        _origin = origin;
        Page = page;
        Wallet = wallet;
        Scenario = scenario;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _browserErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _browserErrors.Add(error);
    }

    public IPage Page { get; }

    public TestWallet Wallet { get; }

    /// <summary>The first part of every screenshot's name.</summary>
    public string Scenario { get; }

    /// <summary>Console errors and uncaught exceptions so far, for failure messages.</summary>
    public IReadOnlyList<string> BrowserErrors => _browserErrors;

    public static async Task<DashboardSession> OpenAsync(ChromiumBrowser browser, Uri origin, TestWallet wallet, string scenario)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync();
        try
        {
            await InjectedWallet.InjectAsync(context, wallet);
            return new DashboardSession(context, await context.NewPageAsync(), origin, wallet, scenario);
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens a route of the dashboard (e.g. <c>/</c>, <c>/ranks</c>).</summary>
    public async Task GotoAsync(string route)
    {
        var response = await Page.GotoAsync(new Uri(_origin, route).ToString());
        Assert.True(response is { Ok: true }, $"GET {route}: {response?.Status}");
    }

    /// <summary>
    /// Waits for the element with <c>data-testid</c> <paramref name="testId"/>; when it does not come, fails with what the
    /// page shows and what the browser reported (and a screenshot <c>SCENARIO-waiting-TESTID.png</c>).
    /// </summary>
    public async Task<ILocator> WaitForTestIdAsync(string testId, float timeoutMs = 30_000)
    {
        var element = Page.GetByTestId(testId).First;
        try
        {
            await element.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = timeoutMs });
            return element;
        }
        catch (TimeoutException)
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotFolder.For(Scenario, $"waiting-{testId}"), FullPage = true });
            var text = await Page.Locator("body").InnerTextAsync();
            Assert.Fail($"No [data-testid={testId}] on {Page.Url} within {timeoutMs / 1000:F0} s.\nThe page shows:\n{text[..Math.Min(text.Length, 1500)]}\n"
                + $"The browser reported:\n{string.Join("\n", _browserErrors)}");
            throw;
        }
    }

    /// <summary>A full-page screenshot as <c>SCENARIO-SCREEN.png</c>, then no serious or critical axe-core violation.</summary>
    public async Task CheckScreenAsync(string screen)
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotFolder.For(Scenario, screen), FullPage = true });
        await AxeScan.AssertNoSeriousViolationsAsync(Page, $"{Scenario}-{screen}");
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
