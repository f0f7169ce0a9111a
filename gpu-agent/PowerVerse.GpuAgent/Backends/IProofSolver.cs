using PowerVerse.GpuAgent.Proof;

namespace PowerVerse.GpuAgent.Backends;

/// <summary>
/// A backend that solves the hash proof. Every backend returns the same answer for the same challenge:
/// the first <c>shares</c> valid nonces in ascending order from the challenge's start nonce.
/// </summary>
internal interface IProofSolver : IDisposable
{
    /// <summary><c>cuda</c> or <c>cpu</c>, as the result message's <c>backend</c> field (DESIGN §3).</summary>
    string Backend { get; }

    /// <summary>What it runs on, for the result's <c>device</c> field.</summary>
    string Device { get; }

    /// <summary>Finds the challenge's shares; progress receives the number of nonces tried so far, now and then.</summary>
    Task<ProofSolution> SolveAsync(ProofChallenge challenge, IProgress<ulong>? progress, CancellationToken cancellationToken);
}
