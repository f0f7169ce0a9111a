using System.Diagnostics;

namespace PowerVerse.Benchmarks.Purchases;

/// <summary>
/// The load generator: one closed loop per buyer (a buyer has one write in flight, its nonces being sequential), each
/// taking the next fresh listing until the phase's listings are bought.
/// </summary>
internal static class PurchaseLoad
{
    public static async Task<PhaseResult> RunAsync(
        string name, IReadOnlyList<Buyer> buyers, IReadOnlyList<Listing> listings, Func<Buyer, Listing, Task<PurchaseSample>> purchase)
    {
        var next = -1;
        var cpu = MachineLoad.CpuSnapshot();
        var watch = Stopwatch.StartNew();
        var loops = buyers.Select(buyer => Task.Run(async () =>
        {
            var samples = new List<PurchaseSample>();
            int index;
            while ((index = Interlocked.Increment(ref next)) < listings.Count)
            {
                samples.Add(await purchase(buyer, listings[index]));
            }

            return samples;
        }));
        var all = (await Task.WhenAll(loops)).SelectMany(s => s).ToList();
        return new PhaseResult(name, buyers.Count, all, watch.Elapsed.TotalSeconds) { Cpu = MachineLoad.Spent(cpu, MachineLoad.CpuSnapshot()) };
    }
}
