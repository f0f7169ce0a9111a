using PowerVerse.GpuAgent.Backends.Cuda;

namespace PowerVerse.GpuAgent.Tests.Backends.Cuda;

/// <summary>A fact that is reported as skipped, with the reason, where no CUDA device and NVRTC can be loaded.</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(() =>
    {
        if (CudaDevices.List(out var reason).Count == 0)
        {
            return $"No GPU: {reason}.";
        }

        return Nvrtc.TryGet(out reason) is null ? $"No NVRTC: {reason}." : null;
    });

    public CudaFactAttribute()
    {
        if (Missing.Value is { } why)
        {
            Skip = why;
        }
    }
}
