using System.Globalization;
using PowerVerse.GpuAgent.Backends.Cpu;
using PowerVerse.GpuAgent.Backends.Cuda;
using PowerVerse.GpuAgent.Bench;

namespace PowerVerse.GpuAgent.Commands;

/// <summary><c>gpu-agent bench [seconds]</c>: the hash rate of every backend found, with OpenSSL's SHA3-256 as reference.</summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var duration = TimeSpan.FromSeconds(seconds);
        var (reference, detail) = await OpenSslReference.MeasureAsync(seconds, cancellationToken);
        await output.WriteLineAsync(reference is { } r ? $"openssl sha3-256, 60-byte input, 1 core: {Mh(r)}  ({detail})" : $"openssl reference unavailable: {detail}");

        foreach (var kind in new[] { CpuKernelKind.Scalar, CpuKernelKind.Vector256, CpuKernelKind.Vector512 })
        {
            if (kind <= CpuKernel.Best && (kind != CpuKernelKind.Vector512 || KeccakX8.IsSupported))
            {
                var rate = HashRateMeter.PerCore(kind, duration);
                await output.WriteLineAsync($"cpu {kind,-9} 1 core: {Mh(rate)}{Ratio(rate, reference)}");
            }
        }

        using (var cpu = new CpuSolver())
        {
            var rate = await HashRateMeter.SolverAsync(cpu, duration, cancellationToken);
            await output.WriteLineAsync($"cpu {cpu.Kind} all {Environment.ProcessorCount} cores: {Mh(rate)}");
        }

        CudaSolver? started;
        string why;
        try
        {
            started = CudaSolver.TryCreate(0, out why);
        }
        catch (CudaException e)
        {
            (started, why) = (null, $"failed to start: {e.Message}");
        }

        using var cuda = started;
        if (cuda is null)
        {
            await output.WriteLineAsync($"cuda: not available ({why})");
            return 0;
        }

        var gpuRate = await HashRateMeter.SolverAsync(cuda, duration, cancellationToken);
        var cpuCore = HashRateMeter.PerCore(CpuKernel.Best, TimeSpan.FromSeconds(1));
        await output.WriteLineAsync($"cuda {cuda.Device}: {Mh(gpuRate)} = {gpuRate / cpuCore:F0}x one CPU core ({cpuCore / 1e6:F2} MH/s)");
        return 0;
    }

    public static string Mh(double rate) => $"{rate / 1e6:F2} MH/s";

    private static string Ratio(double rate, double? reference) => reference is { } r ? $"  ({rate / r:F2}x openssl)" : "";
}
