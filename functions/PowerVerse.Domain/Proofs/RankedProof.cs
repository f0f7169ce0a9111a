using System.Numerics;

namespace PowerVerse.Domain.Proofs;

/// <summary>
/// A finished proof of a VID as its rank sees it: every input of <see cref="RankFormula"/>, as ProofOfCompute records it.
/// </summary>
/// <param name="ChallengeId">The challenge: picks the window (the highest ids) and orders proofs issued in the same second.</param>
/// <param name="Outcome">Verified, or missed (dispatched and expired without a verified result).</param>
/// <param name="IssuedAt">Unix seconds of the dispatch block (the challenge's <c>issuedAt</c> = deadline − deadlineSeconds).</param>
/// <param name="FinishedAt">Unix seconds of the block that finished it: <c>ProofVerified</c> or <c>ChallengeExpired</c>.</param>
/// <param name="Work">Verified work, shares · 2^difficulty; 0 for a miss.</param>
/// <param name="ElapsedMs">The elapsed time the chain recorded with the result (observed, bounded by block times); 0 for a miss.</param>
public readonly record struct RankedProof(BigInteger ChallengeId, ProofOutcome Outcome, long IssuedAt, long FinishedAt, BigInteger Work, long ElapsedMs)
{
    /// <summary>The proof's verified hash rate, floor(work · 1000 / elapsedMs) hashes per second; 0 for a miss.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A verified proof without a positive elapsed time or with negative work.</exception>
    public BigInteger Rate => Outcome switch
    {
        ProofOutcome.Missed => BigInteger.Zero,
        _ when ElapsedMs <= 0 => throw new ArgumentOutOfRangeException(nameof(ElapsedMs), ElapsedMs, $"Verified proof {ChallengeId} has no elapsed time."),
        _ when Work.Sign < 0 => throw new ArgumentOutOfRangeException(nameof(Work), Work, $"Verified proof {ChallengeId} has negative work."),
        _ => Work * 1000 / ElapsedMs,
    };

    /// <summary>The proof as proven downtime sees it.</summary>
    public FinishedProof AsFinished() => new(ChallengeId, IssuedAt, Outcome);
}
