using System.Numerics;

namespace PowerVerse.Workflows.Tests.Settlement;

/// <summary>
/// The test's own measure of proven downtime (DESIGN §2, SLA-backed escrow), written apart from the Domain's so the
/// two check each other: each missed proof opens an interval from its issue to the issue of the next verified proof
/// of the VID (in issue order, ties by challenge id), open-ended if none followed; downtime in a rental is the length
/// of the union of those intervals inside [start, end).
/// </summary>
internal static class SlaDowntime
{
    public static long Within(IReadOnlyList<ChainProof> proofs, long start, long end)
    {
        ArgumentNullException.ThrowIfNull(proofs);
        var ordered = proofs.OrderBy(p => p.IssuedAt).ThenBy(p => p.ChallengeId).ToList();
        var intervals = new List<(long From, long To)>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (!ordered[i].Missed)
            {
                continue;
            }

            var next = ordered.Skip(i + 1).FirstOrDefault(p => !p.Missed);
            intervals.Add((ordered[i].IssuedAt, next?.IssuedAt ?? long.MaxValue));
        }

        long total = 0;
        var covered = start;
        foreach (var (from, to) in intervals.OrderBy(v => v.From))
        {
            var a = Math.Max(from, covered);
            var b = Math.Min(to, end);
            if (b > a)
            {
                total += b - a;
            }

            covered = Math.Max(covered, b);
        }

        return total;
    }

    /// <summary>The SLA refund the market pays for it: floor(price · downtime / duration).</summary>
    public static BigInteger Refund(BigInteger price, long downtime, long duration) => price * downtime / duration;
}

/// <summary>A finished challenge as the chain records it: its VID, issue (dispatch) time, and whether it was missed (expired) or verified.</summary>
internal sealed record ChainProof(BigInteger ChallengeId, BigInteger Vid, long IssuedAt, bool Missed);
