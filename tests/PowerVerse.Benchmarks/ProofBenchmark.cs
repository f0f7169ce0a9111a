using System.Diagnostics;
using System.Globalization;
using PowerVerse.Benchmarks.Proofs;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Benchmarks;

/// <summary>
/// Proofs of compute end to end on the local stack (real Hardhat with the suite deployed, Azurite, the real gpu-agent
/// solving on its CPU backend, the Functions app on its local host process): each provider of its own GPU signs
/// <c>requestChallenge</c> and POSTs it to <c>/api/proofs</c>; the workflow relays it, dispatches the challenge to the
/// agent's queue, verifies the agent's result off chain, submits it on chain and indexes it. Measured per proof: the
/// overhead = challenge enqueued (the <c>challenges</c> row's SentAt) → workflow seen completed (verified on chain and
/// indexed), minus the agent's own solve time (its <c>solveMs</c>); per phase: proofs per second with 1 and with 8
/// challenges in flight. Reference in the same run: the agent's solve time itself, and the agent's hash rate against
/// <c>openssl speed</c> (the <c>agent-hashrate</c> benchmark, run after this one by <c>./pv bench proof agent-hashrate</c>).
/// </summary>
internal sealed class ProofBenchmark : IBenchmark
{
    private const int Providers = 8;
    private const int SerialRounds = 2;
    private const int ConcurrentRounds = 4;

    public string Name => "proof";

    public async Task RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        var stack = new LocalStack();
        try
        {
            await stack.InitializeAsync();
            // The platform's own cadence stays off: only the benchmark's proofs run.
            await stack.StopHostAsync(stack.Host);
            var host = await stack.StartHostAsync(new Dictionary<string, string> { ["Proofs__Cadence"] = "00:00:00" });
            var bench = new ProofBench(stack, stack.ApiOf(host), output);
            var provers = await bench.ProvidersAsync(Providers);
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                "{0} CPUs; {1} providers, one GPU and VID each, ready in {2:F1} s; load average {3}",
                Environment.ProcessorCount, provers.Count, clock.Elapsed.TotalSeconds, MachineLoad.Average()));

            await bench.RoundAsync([.. provers.Take(1)]); // warm-up
            var serial = new List<ProofSample>();
            var serialClock = Stopwatch.StartNew();
            for (var round = 0; round < SerialRounds; round++)
            {
                foreach (var prover in provers)
                {
                    serial.AddRange(await bench.RoundAsync([prover]));
                }
            }

            var serialSeconds = serialClock.Elapsed.TotalSeconds;
            var concurrent = new List<ProofSample>();
            double concurrentSeconds = 0;
            for (var round = 0; round < ConcurrentRounds; round++)
            {
                var roundClock = Stopwatch.StartNew();
                concurrent.AddRange(await bench.RoundAsync(provers));
                concurrentSeconds += roundClock.Elapsed.TotalSeconds;
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync("| proofs in flight | proofs | proofs/s | overhead p50 | overhead p99 | agent solve mean (reference) | POST → completed p50 |");
            await output.WriteLineAsync("|---|---|---|---|---|---|---|");
            await output.WriteLineAsync(ProofSample.Row(1, serial, serialSeconds));
            await output.WriteLineAsync(ProofSample.Row(Providers, concurrent, concurrentSeconds));
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
                "overhead = challenge enqueued → workflow completed (verified on chain, indexed) − the agent's solve time; proofs/s over the rounds' wall time; whole benchmark {0:F0} s; load average after: {1}",
                clock.Elapsed.TotalSeconds, MachineLoad.Average()));
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
}
