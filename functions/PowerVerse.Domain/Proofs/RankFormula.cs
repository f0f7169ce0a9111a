using System.Numerics;

namespace PowerVerse.Domain.Proofs;

/// <summary>
/// The public rank of a VID (DESIGN §2: verified hash rate = work / elapsed; issue 11: an EWMA of it, with success rate
/// and uptime), in integers so that anyone recomputes it to the unit from the proofs <c>/api/ranks/{vid}</c> lists:
/// <list type="number">
/// <item>Window: the VID's <see cref="Window"/> finished proofs with the highest challenge ids (verified or missed; a
/// lapsed request is no proof), ordered by (issuedAt, challengeId).</item>
/// <item>rate = floor(work · 1000 / elapsedMs) per verified proof; hashRate h: h = the first verified rate, then for each
/// later verified one h = floor((rate + 3h) / 4), an EWMA with α = 1/4; 0 with none.</item>
/// <item>successBps = floor(10000 · verified / finished).</item>
/// <item>span = [first issuedAt, latest finishedAt]; downtime = <see cref="ProvenDowntime.Within"/> of the window over it;
/// uptimeBps = floor(10000 · (span − downtime) / span), 10000 when the span is 0 s.</item>
/// <item>score = floor(hashRate · successBps · uptimeBps / 10^8).</item>
/// </list>
/// The rank depends on proofs only, not on the time it is read: it changes when a proof finishes (a resource that goes
/// down is caught by its next challenge, which the platform issues on the DAO's cadence).
/// </summary>
public static class RankFormula
{
    /// <summary>How many finished proofs a rank is computed from.</summary>
    public const int Window = 20;

    /// <summary>10000 basis points = 100 %.</summary>
    public const int FullBps = 10_000;

    private static readonly BigInteger BpsSquared = (BigInteger)FullBps * FullBps;

    /// <summary>The window of a VID's finished proofs: the <see cref="Window"/> highest challenge ids, in formula order.</summary>
    public static IReadOnlyList<RankedProof> Select(IEnumerable<RankedProof> finished)
    {
        ArgumentNullException.ThrowIfNull(finished);
        return finished.OrderByDescending(p => p.ChallengeId).Take(Window)
            .OrderBy(p => p.IssuedAt).ThenBy(p => p.ChallengeId).ToList();
    }

    /// <summary>The rank of one VID from its finished proofs (any order, any number: the window is taken here).</summary>
    /// <returns>The rank, or null when there is no finished proof (the VID is unranked).</returns>
    /// <exception cref="ArgumentException">Two proofs share a challenge id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A verified proof without a positive elapsed time.</exception>
    public static Rank? Compute(IEnumerable<RankedProof> finished)
    {
        var window = Select(finished);
        if (window.Count == 0)
        {
            return null;
        }

        if (window.Select(p => p.ChallengeId).Distinct().Count() != window.Count)
        {
            throw new ArgumentException("A challenge appears twice among the proofs.", nameof(finished));
        }

        var hashRate = HashRate(window);
        var verified = window.Count(p => p.Outcome == ProofOutcome.Verified);
        var successBps = (int)((long)FullBps * verified / window.Count);
        var from = window[0].IssuedAt;
        var to = Math.Max(from, window.Max(p => p.FinishedAt));
        var downtime = ProvenDowntime.Within(window.Select(p => p.AsFinished()), from, to);
        var uptimeBps = to == from ? FullBps : (int)(FullBps * (to - from - downtime) / (to - from));
        var score = hashRate * successBps * uptimeBps / BpsSquared;
        return new Rank(hashRate, successBps, uptimeBps, score, verified, window.Count - verified, from, to, downtime, window);
    }

    /// <summary>The EWMA of the verified rates in window order: h₀ = the first rate, h = floor((rate + 3h) / 4).</summary>
    private static BigInteger HashRate(IEnumerable<RankedProof> window)
    {
        BigInteger? h = null;
        foreach (var proof in window.Where(p => p.Outcome == ProofOutcome.Verified))
        {
            h = h is { } previous ? (proof.Rate + (3 * previous)) / 4 : proof.Rate;
        }

        return h ?? BigInteger.Zero;
    }
}
