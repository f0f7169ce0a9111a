using System.Diagnostics;
using Microsoft.Playwright;
using PowerVerse.Dashboard.Tests.Browser;

namespace PowerVerse.Dashboard.Tests.Loading;

/// <summary>
/// A page's load as a user meets it: the bytes it pulls over the network, counted by the browser itself (CDP
/// <c>Network.loadingFinished</c>'s encodedDataLength: compressed as sent), and the time from navigation until an
/// element that says the page is usable is there.
/// </summary>
public static class PageLoad
{
    /// <summary>The usage-rights market, the dashboard's first screen.</summary>
    public const string MarketRoute = "/";

    /// <summary>What the market renders once its first page of listings has loaded.</summary>
    public const string MarketReady = "[data-testid=\"market-ready\"]";

    /// <summary>The market in a new context (nothing cached), then again in the same context (what it cached).</summary>
    public static async Task<(LoadResult First, LoadResult Second)> MarketTwiceAsync(ChromiumBrowser browser, Uri dashboard)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync();
        await using (context)
        {
            var url = new Uri(dashboard, MarketRoute);
            var first = await MeasureAsync(context, url, MarketReady);
            var second = await MeasureAsync(context, url, MarketReady);
            return (first, second);
        }
    }

    /// <summary>Opens <paramref name="url"/> in a new page of <paramref name="context"/> and waits for <paramref name="ready"/>; the page is closed after.</summary>
    public static async Task<LoadResult> MeasureAsync(IBrowserContext context, Uri url, string ready)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        long bytes = 0;
        var responses = 0;
        cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is { } finished)
            {
                Interlocked.Add(ref bytes, (long)finished.GetProperty("encodedDataLength").GetDouble());
                Interlocked.Increment(ref responses);
            }
        };
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await cdp.SendAsync("Network.enable");
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(url.ToString());
        try
        {
            await page.Locator(ready).First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{url} showed no {ready} within 60 s; the browser reported:\n{string.Join("\n", errors)}", e);
        }

        var untilReady = clock.Elapsed;
        // Whatever the page still fetches after it is usable counts towards its size, not its time.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await cdp.DetachAsync();
        await page.CloseAsync();
        return new LoadResult(Interlocked.Read(ref bytes), responses, untilReady);
    }
}
