using PowerVerse.GpuAgent.Gpus;

namespace PowerVerse.GpuAgent.Tests.Gpus;

public sealed class GpuDetectorTests
{
    [Fact]
    public void ParseNvidiaSmi_CsvWithoutHeader_ReadsEachGpu()
    {
        const string csv = """
            NVIDIA H200, 143771 MiB, GPU-5b8f0d3a-1c2e-4f60-a1b2-c3d4e5f60718, 570.86.15
            NVIDIA GeForce RTX 4090, 24564 MiB, GPU-00000000-1111-2222-3333-444444444444, 570.86.15

            """;

        var gpus = GpuDetector.ParseNvidiaSmi(csv);

        Assert.Equal(2, gpus.Count);
        Assert.Equal(new GpuInfo("NVIDIA H200", 143771, "GPU-5b8f0d3a-1c2e-4f60-a1b2-c3d4e5f60718", "570.86.15", "nvidia-smi"), gpus[0]);
        Assert.Equal(24564, gpus[1].MemoryMiB);
    }
}
