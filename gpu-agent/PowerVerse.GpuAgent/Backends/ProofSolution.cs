namespace PowerVerse.GpuAgent.Backends;

/// <summary>The nonces found, ascending, and how many nonces were hashed to find them.</summary>
internal sealed record ProofSolution(IReadOnlyList<ulong> Nonces, ulong Hashes);
