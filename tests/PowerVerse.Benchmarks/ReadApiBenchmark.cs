using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Azure.Data.Tables;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.ReadModel.Entities;
using PowerVerse.Functions.ReadModel.Writing;
using PowerVerse.Testing;

namespace PowerVerse.Benchmarks;

/// <summary>
/// <c>GET /api/market/usage-rights</c> (a page of 50, one GPU model, by price) on 10,000 listings written with the
/// read model's writer, served by the real local host process on Azurite, against two references in the same run:
/// (a) the raw Azure.Data.Tables query for the same page from this process, (b) <c>GET /api/health</c> of the same
/// host. One bounded load generator for all three: 16 concurrent callers, at most <see cref="MaxRequests"/> calls or
/// <see cref="MaxTime"/>, on loopback only.
/// </summary>
internal sealed class ReadApiBenchmark : IBenchmark
{
    private const int Listings = 10_000;
    private const int GpuModels = 6;
    private const int Concurrency = 16;
    private const int MaxRequests = 5_000;
    private static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(20);

    public string Name => "read-api";

    public async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var azurite = await AzuriteServer.StartAsync();
        var tables = new ReadModelTables(new TableServiceClient(azurite.ConnectionString));
        var seed = Stopwatch.StartNew();
        await SeedAsync(new ReadModelWriter(tables, TimeProvider.System));
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0:N0} listings over {1} GPU models written with ReadModelWriter in {2:F1} s", Listings, GpuModels, seed.Elapsed.TotalSeconds));

        var app = RepoPaths.BuildOutput(Path.Combine("functions", "PowerVerse.LocalHost"), "PowerVerse.LocalHost.dll");
        await using var host = ChildProcess.Start("dotnet", [app], environment: new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["ReadModel"] = azurite.ConnectionString,
            ["LocalHost__Urls"] = "http://127.0.0.1:0",
            // A console line per request would measure the console; the host logs warnings only here, and the line
            // that says where it listens.
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        });
        var url = new Uri(await host.WaitForListeningAsync(TimeSpan.FromSeconds(90)), "/");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { BaseAddress = url };

        const string Route = "api/market/usage-rights?gpuModel=5&sort=price&pageSize=50";
        var partition = ReadModelWriter.MarketPartition(ReadModelWriter.PriceOrder, ReadModelWriter.ScopeOfGpuModel(5));
        var market = tables.Market(partition);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        Func<Task> raw = async () =>
        {
            await foreach (var page in market.QueryAsync<ListingEntity>(filter, maxPerPage: 50).AsPages(pageSizeHint: 50))
            {
                Check(page.Values.Count == 50, "raw page of 50");
                break;
            }
        };
        Func<Task> route = () => GetAsync(http, Route, "\"uid\"");
        Func<Task> health = () => GetAsync(http, "api/health", "ok");

        foreach (var warmUp in new[] { raw, route, health })
        {
            await MeasureAsync(warmUp, 300, TimeSpan.FromSeconds(10));
        }

        var rawResult = await MeasureAsync(raw, MaxRequests, MaxTime);
        var routeResult = await MeasureAsync(route, MaxRequests, MaxTime);
        var healthResult = await MeasureAsync(health, MaxRequests, MaxTime);
        await output.WriteLineAsync($"{Concurrency} concurrent callers, at most {MaxRequests:N0} calls or {MaxTime.TotalSeconds:F0} s each, loopback; same run, same Azurite");
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-58}{1,10}{2,10}{3,10}{4,8}", "subject", "req/s", "p50 ms", "p99 ms", "calls"));
        foreach (var (name, result) in new[] { ("GET " + Route, routeResult), ("(a) raw Azure.Data.Tables query, same page", rawResult), ("(b) GET api/health, same host", healthResult) })
        {
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "{0,-58}{1,10:N0}{2,10:F2}{3,10:F2}{4,8}", name, result.Rate, result.P50, result.P99, result.Calls));
        }

        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "route / raw query rate {0:F2}x (goal >= 0.70x); route / health rate {1:F2}x; route p99 {2:F1} ms (goal <= 25 ms)",
            routeResult.Rate / rawResult.Rate, routeResult.Rate / healthResult.Rate, routeResult.P99));
    }

    private static async Task SeedAsync(ReadModelWriter writer)
    {
        await writer.EnsureTablesAsync(CancellationToken.None);
        var listedAt = DateTimeOffset.Parse("2026-11-28T00:00:00Z", CultureInfo.InvariantCulture);
        await Parallel.ForEachAsync(Enumerable.Range(1, Listings), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            // Prices in wei-like units, spread so a model's page is a slice of a long sorted range.
            var price = new BigInteger(i * 7_919L % 100_003 + 1) * BigInteger.Pow(10, 15);
            var listing = new ListingRecord(i, i, i, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
                price, 1, (uint)(i % GpuModels) + 1, 3600, 5000, 8, 32768, 100, listedAt);
            await writer.UpsertListingAsync(listing, new ChainEvent(i, "0x" + i.ToString("x64", CultureInfo.InvariantCulture), 0), ct);
        });
    }

    private static async Task GetAsync(HttpClient http, string path, string expect)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Check(response.IsSuccessStatusCode && body.Contains(expect, StringComparison.Ordinal), $"GET {path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
    }

    /// <summary>The load generator: <see cref="Concurrency"/> callers in a closed loop until the call or time bound.</summary>
    private static async Task<Result> MeasureAsync(Func<Task> call, int maxCalls, TimeSpan maxTime)
    {
        var issued = 0;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>();
            while (Interlocked.Increment(ref issued) <= maxCalls && watch.Elapsed < maxTime)
            {
                var start = Stopwatch.GetTimestamp();
                await call();
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            return latencies;
        }));
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).Order().ToArray();
        var elapsed = watch.Elapsed.TotalSeconds;
        return new Result(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), all.Length);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"read-api benchmark: unexpected answer: {what}");
        }
    }

    private sealed record Result(double Rate, double P50, double P99, int Calls);
}
