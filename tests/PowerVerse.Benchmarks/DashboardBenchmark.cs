using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using PowerVerse.Dashboard.Tests.Loading;
using PowerVerse.Dashboard.Tests.Stack;

namespace PowerVerse.Benchmarks;

/// <summary>
/// The dashboard's market as a browser meets it on loopback: Debian's Chromium, headless, loading the Release publish
/// served by the local host (precompressed files) over the Dashboard tests' stack. A first load in a new context and a
/// second in the same one (cached): bytes received (compressed, as CDP counts them) and the time until the market is
/// interactive (<c>[data-testid="market-ready"]</c>: its first page of listings shown), <see cref="Rounds"/> rounds, each
/// in a fresh context. References in the same run, same server: (a) the same index.html alone in a fresh context (every
/// other request refused): what any page costs here; (b) <c>GET /api/market/usage-rights</c> from this process: the
/// data the market waits for.
/// </summary>
internal sealed class DashboardBenchmark : IBenchmark
{
    private const int Rounds = 5;
    private const long ByteGoal = 3_000_000;
    private static readonly TimeSpan TimeGoal = TimeSpan.FromSeconds(2);

    public string Name => "dashboard";

    public async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        var stack = new DashboardStack();
        try
        {
            await stack.InitializeAsync();
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0} CPUs; stack up and dashboard published in {1:F1} s; load average {2}",
                Environment.ProcessorCount, clock.Elapsed.TotalSeconds, MachineLoad.Average()));

            await PageLoad.MarketTwiceAsync(stack.Browser, stack.DashboardUrl); // warm-up: the host's first requests
            var first = new List<LoadResult>();
            var second = new List<LoadResult>();
            var shell = new List<LoadResult>();
            for (var i = 0; i < Rounds; i++)
            {
                var (cold, cached) = await PageLoad.MarketTwiceAsync(stack.Browser, stack.DashboardUrl);
                first.Add(cold);
                second.Add(cached);
                shell.Add(await IndexAloneAsync(stack));
            }

            var api = await ApiCallAsync(new Uri(stack.Host.ApiUrl, "market/usage-rights"));
            await output.WriteLineAsync($"median of {Rounds} rounds, each in a fresh browser context; loopback");
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-52}{1,14}{2,11}{3,12}", "subject", "bytes", "responses", "ready ms"));
            foreach (var (name, rows) in new[] { ("market, first load (new context)", first), ("market, second load (same context, cached)", second), ("(a) index.html alone (new context)", shell) })
            {
                var median = Median(rows, r => r.UntilReady.TotalMilliseconds);
                await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-52}{1,14:N0}{2,11}{3,12:F0}", name, median.TransferredBytes, median.Responses, median.UntilReady.TotalMilliseconds));
            }

            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-52}{1,14:N0}{2,11}{3,12:F1}", "(b) GET api/market/usage-rights (this process)", api.Bytes, 1, api.Milliseconds));
            var firstMedian = Median(first, r => r.UntilReady.TotalMilliseconds);
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                "first load: {0:F2} MB (goal <= {1:F0} MB), interactive in {2:F0} ms (goal <= {3:F0} ms) = {4:F1}x index.html alone; second load {5:F1}x faster than the first",
                firstMedian.TransferredBytes / 1e6, ByteGoal / 1e6, firstMedian.UntilReady.TotalMilliseconds, TimeGoal.TotalMilliseconds,
                firstMedian.UntilReady / Median(shell, r => r.UntilReady.TotalMilliseconds).UntilReady,
                firstMedian.UntilReady / Median(second, r => r.UntilReady.TotalMilliseconds).UntilReady));
            await output.WriteLineAsync("load average after: " + MachineLoad.Average());
        }
        catch
        {
            await output.WriteLineAsync(stack.Logs());
            throw;
        }
        finally
        {
            await stack.DisposeAsync();
        }
    }

    /// <summary>The dashboard's index.html and nothing else: its scripts, styles and the app are refused.</summary>
    private static async Task<LoadResult> IndexAloneAsync(DashboardStack stack)
    {
        var context = await stack.Browser.NewContextAsync();
        await using (context)
        {
            await context.RouteAsync("**/*", route => route.Request.ResourceType == "document" ? route.ContinueAsync() : route.AbortAsync());
            return await PageLoad.MeasureAsync(context, new Uri(stack.DashboardUrl, PageLoad.MarketRoute), "body");
        }
    }

    /// <summary>The median time of 20 calls after 5 warm-up ones, and the body's size.</summary>
    private static async Task<(double Milliseconds, long Bytes)> ApiCallAsync(Uri url)
    {
        using var http = new HttpClient();
        var times = new List<double>();
        long bytes = 0;
        for (var i = 0; i < 25; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var body = await http.GetByteArrayAsync(url);
            if (i >= 5)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            bytes = body.Length;
        }

        return (times.Order().ElementAt(times.Count / 2), bytes);
    }

    private static LoadResult Median(List<LoadResult> rows, Func<LoadResult, double> by) => rows.OrderBy(by).ElementAt(rows.Count / 2);
}
