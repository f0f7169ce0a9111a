using System.Diagnostics;
using PowerVerse.GpuAgent.Proof;

namespace PowerVerse.GpuAgent.Backends.Cuda;

/// <summary>
/// Solves on one GPU: the kernel scans a whole batch [first, first + count) and appends every candidate through
/// an atomic counter; the host confirms, sorts and appends them, and batches go strictly in ascending order,
/// so the answer is the first <c>shares</c> valid nonces from the start, exactly as on the CPU.
/// Batches grow towards ~200 ms each; a batch whose candidates overflow the buffer is redone at half size.
/// </summary>
internal sealed unsafe class CudaSolver : IProofSolver
{
    private const uint Capacity = 1 << 20;
    private static readonly TimeSpan TargetBatch = TimeSpan.FromMilliseconds(200);

    private readonly CudaDriver _driver;
    private readonly CudaKernel _kernel;
    private readonly object _gate = new();
    private ulong _batch;

    private CudaSolver(CudaDriver driver, CudaDevice device, CudaKernel kernel)
    {
        _driver = driver;
        DeviceInfo = device;
        _kernel = kernel;
        _batch = (ulong)kernel.GridSize * (ulong)kernel.BlockSize * 64;
    }

    public CudaDevice DeviceInfo { get; }

    public string Backend => "cuda";

    public string Device => $"{DeviceInfo.Name} ({DeviceInfo.Uuid})";

    /// <summary>A solver on GPU <paramref name="ordinal"/>, or null with the reason none can run here.</summary>
    public static CudaSolver? TryCreate(int ordinal, out string reason)
    {
        var devices = CudaDevices.List(out reason);
        var driver = CudaDriver.TryGet(out _);
        if (driver is null || ordinal >= devices.Count)
        {
            reason = devices.Count == 0 ? reason : $"no GPU {ordinal}; {devices.Count} found";
            return null;
        }

        var nvrtc = Nvrtc.TryGet(out reason);
        if (nvrtc is null)
        {
            return null;
        }

        var device = devices[ordinal];
        return new CudaSolver(driver, device, CudaKernel.Load(driver, nvrtc, device));
    }

    public Task<ProofSolution> SolveAsync(ProofChallenge challenge, IProgress<ulong>? progress, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Solve(challenge, progress, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private ProofSolution Solve(ProofChallenge challenge, IProgress<ulong>? progress, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _kernel.MakeCurrent();
            var message = new ProofMessage(challenge);
            var found = new List<ulong>();
            var first = challenge.StartNonce;
            var hashes = 0UL;

            // Keep the expected candidates of a batch (count / 2^difficulty) within half the buffer.
            var widest = challenge.Difficulty >= 44 ? ulong.MaxValue : (ulong)(Capacity / 2) << Math.Min(challenge.Difficulty, 43);
            while (found.Count < challenge.Shares)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(Math.Min(_batch, widest), ulong.MaxValue - first);
                if (count == 0)
                {
                    throw new NonceSpaceExhaustedException();
                }

                var clock = Stopwatch.StartNew();
                var candidates = _kernel.Scan(message, first, count, Capacity);
                if (candidates is null)
                {
                    _batch = Math.Max(_batch / 2, 1024);
                    continue;
                }

                found.AddRange(candidates.Where(message.IsValid).Order());
                first += count;
                hashes += count;
                progress?.Report(hashes);
                _batch = clock.Elapsed < TargetBatch / 2 ? Math.Min(_batch * 2, 1UL << 36) : clock.Elapsed > TargetBatch * 2 ? Math.Max(_batch / 2, 1024) : _batch;
            }

            return new ProofSolution(found.Take(challenge.Shares).ToArray(), hashes);
        }
    }

    public void Dispose() => _kernel.Dispose();
}
