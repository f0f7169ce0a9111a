using System.Numerics;

namespace PowerVerse.Functions.ReadModel.Writing;

/// <summary><c>PowerParams.ComputeTypeAdded</c>.</summary>
internal sealed record ComputeTypeRecord(uint ComputeType, string Name);

/// <summary><c>PowerParams.GpuModelAdded</c>.</summary>
internal sealed record GpuModelRecord(uint GpuModel, uint ComputeType, string Name, uint MemoryMiB);

/// <summary><c>PowerParams.ProofParamsAdded</c>.</summary>
internal sealed record ProofParamsRecord(uint ComputeType, uint Version, int Difficulty, int Shares, uint DeadlineSeconds);

/// <summary><c>PowerParams.RevenueWeightChanged</c>.</summary>
internal sealed record RevenueWeightRecord(uint ComputeType, BigInteger Weight);
