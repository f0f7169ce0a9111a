using PowerVerse.GpuAgent.Proof;

namespace PowerVerse.GpuAgent.Backends.Cpu;

/// <summary>
/// Solves on every core: workers take fixed-size nonce chunks in ascending order from a shared counter,
/// scan them with the widest SIMD kernel the CPU has, and a <see cref="ChunkedShareCollector"/> keeps only
/// the first <c>shares</c> valid nonces, so the answer does not depend on thread timing.
/// </summary>
internal sealed class CpuSolver(int threads = 0, CpuKernelKind? kind = null, ulong chunkSize = 1 << 16) : IProofSolver
{
    private readonly int _threads = threads > 0 ? threads : Environment.ProcessorCount;

    public CpuKernelKind Kind { get; } = kind ?? CpuKernel.Best;

    public string Backend => "cpu";

    /// <summary>The threads this solver really runs (DESIGN §3's <c>device</c>), not the machine's core count.</summary>
    public int Threads => _threads;

    public string Device => $"cpu {Kind} keccak x{_threads} threads ({Environment.ProcessorCount} cores)";

    public async Task<ProofSolution> SolveAsync(ProofChallenge challenge, IProgress<ulong>? progress, CancellationToken cancellationToken)
    {
        var message = new ProofMessage(challenge);
        var collector = new ChunkedShareCollector(challenge.Shares);
        var lastChunk = (long)((ulong.MaxValue - challenge.StartNonce) / chunkSize);
        var next = -1L;
        var hashes = 0UL;

        void Work()
        {
            var found = new List<ulong>();
            while (!cancellationToken.IsCancellationRequested)
            {
                var chunk = Interlocked.Increment(ref next);
                if (chunk > lastChunk || !collector.Wants(chunk))
                {
                    return;
                }

                var first = challenge.StartNonce + ((ulong)chunk * chunkSize);
                var count = Math.Min(chunkSize, ulong.MaxValue - first);
                found.Clear();
                CpuKernel.Scan(message, first, count, found, Kind);
                var total = Interlocked.Add(ref hashes, count);
                progress?.Report(total);
                collector.Complete(chunk, found.ToArray());
            }
        }

        var workers = Enumerable.Range(0, _threads)
            .Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        await Task.WhenAll(workers);
        cancellationToken.ThrowIfCancellationRequested();
        if (!collector.IsComplete)
        {
            throw new NonceSpaceExhaustedException();
        }

        return new ProofSolution(collector.Result(), Interlocked.Read(ref hashes));
    }

    public void Dispose()
    {
        // Nothing held between solves.
    }
}
