namespace PowerVerse.GpuAgent.Backends.Cuda;

/// <summary>One GPU as the driver reports it; <see cref="Uuid"/> is in nvidia-smi's form (GPU-xxxxxxxx-…).</summary>
internal sealed record CudaDevice(int Ordinal, string Name, ulong MemoryBytes, string Uuid, int ComputeMajor, int ComputeMinor, int Multiprocessors, int DriverVersion);
