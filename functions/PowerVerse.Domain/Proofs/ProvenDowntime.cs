using System.Numerics;

namespace PowerVerse.Domain.Proofs;

/// <summary>How a finished challenge ended: a verified result, or a dispatched challenge that expired without one.</summary>
public enum ProofOutcome
{
    Verified,
    Missed,
}

/// <summary>A finished proof of a VID as downtime sees it: its challenge id, its issue (dispatch) time and its outcome.</summary>
/// <param name="ChallengeId">The challenge: orders proofs issued in the same second.</param>
/// <param name="IssuedAt">Unix seconds of the challenge's dispatch on chain (deadline − deadlineSeconds).</param>
/// <param name="Outcome">Verified, or missed (expired after dispatch; a request never dispatched is not a proof).</param>
public readonly record struct FinishedProof(BigInteger ChallengeId, long IssuedAt, ProofOutcome Outcome);

/// <summary>
/// Downtime that proofs prove (DESIGN §2, SLA-backed escrow): a missed proof proves its resource down from the
/// challenge's issue until the issue of the next verified proof of the same resource, or until the end of the period
/// asked about when none followed. Both the rank's uptime and the settlement's pro rata refund are measured with it,
/// so a buyer is refunded exactly the downtime the public rank shows.
/// </summary>
public static class ProvenDowntime
{
    /// <summary>
    /// Seconds of proven downtime inside [<paramref name="from"/>, <paramref name="to"/>), from one resource's
    /// finished proofs (any order; ties in issue time go by challenge id). Proofs issued at or after <paramref name="to"/>
    /// prove nothing about the period; a miss issued before <paramref name="from"/> counts from <paramref name="from"/>
    /// until its next verified proof.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static long Within(IEnumerable<FinishedProof> proofs, long from, long to)
    {
        ArgumentNullException.ThrowIfNull(proofs);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        long total = 0;
        long? downSince = null;
        foreach (var proof in proofs.Where(p => p.IssuedAt < to).OrderBy(p => p.IssuedAt).ThenBy(p => p.ChallengeId))
        {
            if (proof.Outcome == ProofOutcome.Missed)
            {
                downSince ??= proof.IssuedAt;
            }
            else if (downSince is { } since)
            {
                total += Overlap(since, proof.IssuedAt, from, to);
                downSince = null;
            }
        }

        return downSince is { } open ? total + Overlap(open, to, from, to) : total;
    }

    private static long Overlap(long start, long end, long from, long to) => Math.Max(0, Math.Min(end, to) - Math.Max(start, from));
}
