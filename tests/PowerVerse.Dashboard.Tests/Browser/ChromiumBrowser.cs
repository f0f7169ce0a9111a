using Microsoft.Playwright;

namespace PowerVerse.Dashboard.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, headless, started on first use and closed after: one browser for a test
/// run, a new context (a fresh profile: no cache, no storage) for each user the tests play.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Not UTC, so that times the dashboard shows in the user's zone differ from the chain's UTC ones.</summary>
    public const string TimeZone = "Asia/Shanghai";

    // No sandbox (tests run as root), no GPU, nothing the browser would fetch from outside on its own.
    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> _started = new(StartAsync);

    /// <summary>Why the browser tests cannot run here, or null.</summary>
    public static string? Missing => File.Exists(ExecutablePath)
        ? null
        : $"{ExecutablePath} is missing: the dashboard's browser tests drive Debian's Chromium, which './pv test' installs (apt-get install chromium).";

    /// <summary>A new context in the user's time zone, en-US, on a desktop-sized window.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var (_, browser) = await _started.Value;
        return await browser.NewContextAsync(new BrowserNewContextOptions
        {
            TimezoneId = TimeZone,
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
    }

    /// <summary>Starts nothing: the browser starts on first use, so that a test skipped without Chromium costs nothing.</summary>
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_started.IsValueCreated && _started.Value.IsCompletedSuccessfully)
        {
            var (playwright, browser) = await _started.Value;
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    private static async Task<(IPlaywright, IBrowser)> StartAsync()
    {
        if (Missing is { } why)
        {
            throw new InvalidOperationException(why);
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
