using PowerVerse.Domain.Proofs;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>The off-chain check of a result: refused (and why), or valid with the elapsed time the platform observed (ms, at least 1).</summary>
public sealed record ProofVerdict(ProofRefusal? Refusal, long ElapsedMs)
{
    public bool IsValid => Refusal is null;
}
