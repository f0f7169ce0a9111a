using PowerVerse.GpuAgent.Backends.Cpu;
using PowerVerse.GpuAgent.Backends.Cuda;
using PowerVerse.GpuAgent.Proof;
using PowerVerse.GpuAgent.Tests.Backends.Cpu;

namespace PowerVerse.GpuAgent.Tests.Backends.Cuda;

public sealed class CudaSolverTests
{
    [CudaFact]
    public async Task SolveAsync_SameChallengesAsCpu_ReturnsIdenticalNonces()
    {
        using var cuda = CreateSut();
        using var cpu = new CpuSolver();
        var random = new Random(2024);
        foreach (var (difficulty, shares, start) in new[] { (16, 8, 0UL), (20, 4, 0x00000001_FFFF0000UL), (8, 64, ulong.MaxValue / 2) })
        {
            var challenge = CpuKernelTests.RandomChallenge(random, difficulty, shares, start);

            var onGpu = await cuda.SolveAsync(challenge, null, CancellationToken.None);
            var onCpu = await cpu.SolveAsync(challenge, null, CancellationToken.None);

            Assert.Equal(onCpu.Nonces, onGpu.Nonces);
            Assert.All(onGpu.Nonces, n => Assert.True(new ProofMessage(challenge).IsValid(n)));
        }
    }

    [CudaFact]
    public async Task SolveAsync_DifficultyZero_ReturnsConsecutiveNoncesFromTheStart()
    {
        using var cuda = CreateSut();
        var challenge = CpuKernelTests.RandomChallenge(new Random(5), difficulty: 0, shares: 3000, start: 77);

        var solution = await cuda.SolveAsync(challenge, null, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 3000).Select(i => 77UL + (ulong)i), solution.Nonces);
    }

    [CudaFact]
    public void List_Devices_HaveNameMemoryAndUuid()
    {
        var devices = CudaDevices.List(out _);

        Assert.NotEmpty(devices);
        Assert.All(devices, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Name));
            Assert.True(d.MemoryBytes > 0);
            Assert.Matches("^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", d.Uuid);
        });
    }

    [Fact]
    public void FormatUuid_SixteenBytes_PrintsNvidiaSmiForm()
    {
        var bytes = Convert.FromHexString("5b8f0d3a1c2e4f60a1b2c3d4e5f60718");
        Assert.Equal("GPU-5b8f0d3a-1c2e-4f60-a1b2-c3d4e5f60718", CudaDevices.FormatUuid(bytes));
    }

    [Fact]
    public void Source_EmbeddedKernel_DeclaresTheEntryPointTheHostLaunches()
    {
        Assert.Contains("extern \"C\" __global__ void keccak_shares(", CudaKernel.Source(), StringComparison.Ordinal);
    }

    private static CudaSolver CreateSut() =>
        CudaSolver.TryCreate(0, out var reason) ?? throw new InvalidOperationException($"CUDA was detected but the solver could not start: {reason}");
}
