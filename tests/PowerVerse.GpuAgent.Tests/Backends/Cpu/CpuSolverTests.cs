using PowerVerse.Domain.Hashing;
using PowerVerse.GpuAgent.Backends.Cpu;
using PowerVerse.GpuAgent.Proof;

namespace PowerVerse.GpuAgent.Tests.Backends.Cpu;

public sealed class CpuSolverTests
{
    [Fact]
    public async Task SolveAsync_Challenge_ReturnsTheFirstValidNoncesAscending()
    {
        var challenge = CpuKernelTests.RandomChallenge(new Random(7), difficulty: 10, shares: 6, start: 1_000_000);
        using var solver = new CpuSolver(threads: 2, chunkSize: 512);

        var solution = await solver.SolveAsync(challenge, null, CancellationToken.None);

        Assert.Equal(6, solution.Nonces.Count);
        var message = new ProofMessage(challenge);
        var bytes = new byte[ProofMessage.Length];
        var expected = new List<ulong>();
        for (var nonce = challenge.StartNonce; expected.Count < 6; nonce++)
        {
            message.Write(nonce, bytes);
            if (CpuKernelTests.LeadingZeroBits(Keccak256.Hash(bytes)) >= 10)
            {
                expected.Add(nonce);
            }
        }

        Assert.Equal(expected, solution.Nonces);
        Assert.True(solution.Hashes > expected[^1] - challenge.StartNonce);
    }

    [Fact]
    public async Task SolveAsync_DifferentThreadsAndChunks_ReturnsTheSameNonces()
    {
        var challenge = CpuKernelTests.RandomChallenge(new Random(8), difficulty: 12, shares: 5, start: ulong.MaxValue / 3);
        using var one = new CpuSolver(threads: 1, chunkSize: 1 << 16);
        using var many = new CpuSolver(threads: 4, chunkSize: 1000);
        using var scalar = new CpuSolver(threads: 3, kind: CpuKernelKind.Scalar, chunkSize: 777);

        var a = await one.SolveAsync(challenge, null, CancellationToken.None);
        var b = await many.SolveAsync(challenge, null, CancellationToken.None);
        var c = await scalar.SolveAsync(challenge, null, CancellationToken.None);

        Assert.Equal(a.Nonces, b.Nonces);
        Assert.Equal(a.Nonces, c.Nonces);
        Assert.All(a.Nonces, n => Assert.True(new ProofMessage(challenge).IsValid(n)));
    }

    [Fact]
    public async Task SolveAsync_Cancelled_ThrowsOperationCanceled()
    {
        var challenge = CpuKernelTests.RandomChallenge(new Random(9), difficulty: 60, shares: 1);
        using var solver = new CpuSolver(threads: 2);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => solver.SolveAsync(challenge, null, cts.Token));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Device_ExplicitThreads_ReportsTheThreadsItRuns(int threads)
    {
        using var solver = new CpuSolver(threads: threads);

        Assert.Equal(threads, solver.Threads);
        Assert.Contains($"x{threads} threads", solver.Device, StringComparison.Ordinal);
    }

    [Fact]
    public void Device_DefaultThreads_IsOnePerCore()
    {
        using var solver = new CpuSolver();

        Assert.Contains($"x{Environment.ProcessorCount} threads", solver.Device, StringComparison.Ordinal);
    }
}
