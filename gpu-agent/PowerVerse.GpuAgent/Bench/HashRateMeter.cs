using System.Diagnostics;
using PowerVerse.GpuAgent.Backends;
using PowerVerse.GpuAgent.Backends.Cpu;
using PowerVerse.GpuAgent.Proof;

namespace PowerVerse.GpuAgent.Bench;

/// <summary>Measures proof hash rates (one Keccak-f[1600] per nonce) on one core and on a whole backend.</summary>
internal static class HashRateMeter
{
    /// <summary>A challenge whose shares (256 zero bits) never occur, so a solver hashes until stopped.</summary>
    public static ProofChallenge Unsolvable()
    {
        var seed = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var agent = Enumerable.Range(100, 20).Select(i => (byte)i).ToArray();
        return new ProofChallenge(seed, agent, 256, 1);
    }

    /// <summary>
    /// Hashes per CPU second of one thread running <paramref name="kind"/>: CPU time, as openssl speed counts it,
    /// so that other work on a shared machine does not skew the comparison.
    /// </summary>
    public static double PerCore(CpuKernelKind kind, TimeSpan duration)
    {
        var message = new ProofMessage(Unsolvable());
        var found = new List<ulong>();
        CpuKernel.Scan(message, 0, 1 << 14, found, kind); // warm-up: tiered JIT reaches the optimised code
        using var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var hashes = 0UL;
        while (clock.Elapsed < duration)
        {
            CpuKernel.Scan(message, hashes, 1 << 14, found, kind);
            hashes += 1 << 14;
        }

        process.Refresh();
        return hashes / (process.TotalProcessorTime - cpuStart).TotalSeconds;
    }

    /// <summary>Hashes per second of a whole solver, run on an unsolvable challenge and stopped after <paramref name="duration"/>.</summary>
    public static async Task<double> SolverAsync(IProofSolver solver, TimeSpan duration, CancellationToken cancellationToken)
    {
        var hashes = 0UL;
        var reporter = new SynchronousProgress(h =>
        {
            var seen = Interlocked.Read(ref hashes);
            while (h > seen && Interlocked.CompareExchange(ref hashes, h, seen) != seen)
            {
                seen = Interlocked.Read(ref hashes);
            }
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        stop.CancelAfter(duration);
        try
        {
            await solver.SolveAsync(Unsolvable(), reporter, stop.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Stopped on purpose: the challenge has no solution.
        }

        return Interlocked.Read(ref hashes) / clock.Elapsed.TotalSeconds;
    }

    private sealed class SynchronousProgress(Action<ulong> report) : IProgress<ulong>
    {
        public void Report(ulong value) => report(value);
    }
}
