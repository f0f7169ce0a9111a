using System.Diagnostics;
using System.Globalization;
using PowerVerse.Benchmarks.Purchases;
using PowerVerse.Client.Api;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Benchmarks;

/// <summary>
/// Purchases end to end on the local stack (real Hardhat with the suite deployed, Azurite, the real gpu-agent, the
/// Functions app on its local host process with the settings <see cref="LocalStack"/> gives it): POST
/// /api/market/purchases → the agent's access recorded for the buyer, per second and its p50/p99 latency, with 1 and 8
/// concurrent buyers; and each purchase's time until its workflow completed (the resource's first proof verified). Reference in the same run, on the same node: the same <c>ComputeMarket.buy</c> sent by the same
/// buyers from their wallets (Nethereum, each waiting for its receipt). Every phase buys fresh listings. An extra row
/// runs the end-to-end phases again on a host with shorter polling (labelled; the goals are judged on the default).
/// Each phase also says where the machine's CPU went, by process (the stack shares the benchmark's cores).
/// </summary>
internal sealed class PurchaseBenchmark : IBenchmark
{
    private const int SerialCount = 20;
    private const int ConcurrentBuyers = 8;
    private const int ConcurrentCount = 64;
    private const int WarmUp = 2;
    private const string FastPolling = "00:00:00.100";

    public string Name => "purchase";

    public async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        var stack = new LocalStack();
        try
        {
            await stack.InitializeAsync();
            var stackUp = clock.Elapsed;
            var buyers = await Task.WhenAll(Enumerable.Range(0, ConcurrentBuyers).Select(i => Buyer.OfAsync(stack, i)));
            var market = new BenchmarkMarket(stack);
            const int PerRound = SerialCount + ConcurrentCount;
            await market.PrepareAsync(buyers, purchasesEach: 3 * (WarmUp + PerRound));
            var listings = new Queue<Listing>(await market.CreateListingsAsync(3 * (WarmUp + PerRound)));
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                "{0} CPUs; stack up in {1:F1} s; hardware staked, {2} buyers funded and {3} listings created in {4:F1} s",
                Environment.ProcessorCount, stackUp.TotalSeconds, buyers.Length, listings.Count, (clock.Elapsed - stackUp).TotalSeconds));

            // The host indexes the setup's blocks in the background; the phases start once it has (the last listing is readable).
            await WaitForIndexedAsync(stack.ApiOf(stack.Host), listings.Last());
            await output.WriteLineAsync("load average before the phases: " + MachineLoad.Average());
            var rows = new List<PhaseResult>();
            await PurchaseLoad.RunAsync("warm-up", buyers[..1], Take(listings, WarmUp), DirectPurchase.BuyAsync);
            rows.Add(await PurchaseLoad.RunAsync("raw buy (wallet, receipt)", buyers[..1], Take(listings, SerialCount), DirectPurchase.BuyAsync));
            rows.Add(await PurchaseLoad.RunAsync("raw buy (wallet, receipt)", buyers, Take(listings, ConcurrentCount), DirectPurchase.BuyAsync));
            rows.AddRange(await EndToEndAsync("e2e, LocalStack settings (Durable poll 1 s)", stack.ApiOf(stack.Host), buyers, listings));

            // Same stack, one host with shorter polling: Durable's queues and the queue triggers (agent-events).
            await stack.StopHostAsync(stack.Host);
            var fast = await stack.StartHostAsync(new Dictionary<string, string>
            {
                ["LocalHost__OrchestrationPollingInterval"] = FastPolling,
                ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = FastPolling,
            });
            rows.AddRange(await EndToEndAsync("e2e, Durable + queue poll 100 ms", stack.ApiOf(fast), buyers, listings));

            await PurchaseReport.WriteAsync(output, rows, SerialCount, ConcurrentCount);
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "whole benchmark {0:F0} s; load average after: {1}", clock.Elapsed.TotalSeconds, MachineLoad.Average()));
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

    private static async Task<PhaseResult[]> EndToEndAsync(string name, PowerVerseApi api, Buyer[] buyers, Queue<Listing> listings)
    {
        // Each phase ends once its purchases' first proofs are verified too, so no phase carries the last one's proofs.
        var purchase = new ApiPurchase(api);
        await PurchaseLoad.RunAsync("warm-up", buyers[..1], Take(listings, WarmUp), purchase.BuyAsync);
        await purchase.FinishAsync();
        var serial = await PurchaseLoad.RunAsync(name, buyers[..1], Take(listings, SerialCount), purchase.BuyAsync);
        serial = serial with { CompletedMs = await purchase.FinishAsync() };
        var concurrent = await PurchaseLoad.RunAsync(name, buyers, Take(listings, ConcurrentCount), purchase.BuyAsync);
        concurrent = concurrent with { CompletedMs = await purchase.FinishAsync() };
        return [serial, concurrent];
    }

    private static async Task WaitForIndexedAsync(PowerVerseApi api, Listing last)
    {
        var deadline = Stopwatch.StartNew();
        while ((await api.GetUsageRightAsync(last.Uid)) is not { IsSuccess: true } view || view.Json.GetProperty("listing").ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new TimeoutException($"The read model did not show UID {last.Uid} listed within 120 s.");
            }

            await Task.Delay(200);
        }
    }

    private static Listing[] Take(Queue<Listing> listings, int count) => [.. Enumerable.Range(0, count).Select(_ => listings.Dequeue())];
}
