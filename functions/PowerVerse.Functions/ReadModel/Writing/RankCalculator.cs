using System.Globalization;
using System.Numerics;
using PowerVerse.Domain.Proofs;
using PowerVerse.Functions.ReadModel.Entities;
using PowerVerse.Views;

namespace PowerVerse.Functions.ReadModel.Writing;

/// <summary>
/// The read model's side of the rank: proof rows to the inputs of <see cref="RankFormula"/> (which holds the formula, one
/// copy for the read model and the dividends' scoring alike) and the rank back to the rows <c>/api/ranks</c> serves.
/// </summary>
internal static class RankCalculator
{
    /// <summary>How many of the latest finished proofs a rank is computed from.</summary>
    public const int Window = RankFormula.Window;

    /// <summary>Hashes per second of one proof: floor(work · 1000 / elapsed ms), 0 unless verified with a positive elapsed time.</summary>
    public static BigInteger HashRate(string status, BigInteger work, long elapsedMs) =>
        status == ProofStatus.Verified && elapsedMs > 0 ? new RankedProof(0, ProofOutcome.Verified, 0, 0, work, elapsedMs).Rate : BigInteger.Zero;

    /// <summary>Whether a proof in this status counts in a rank: verified or expired (a lapsed request is no proof).</summary>
    public static bool Counts(string status) => status is ProofStatus.Verified or ProofStatus.Expired;

    /// <summary>A finished proof row as the formula's input: issuedAt = deadline − deadlineSeconds, finishedAt its block's time.</summary>
    /// <exception cref="ArgumentException">The row is not a finished proof.</exception>
    public static RankedProof Input(ProofEntity proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (!Counts(proof.Status) || proof.CompletedAt is not { } completed)
        {
            throw new ArgumentException($"Challenge {proof.ChallengeId} is {proof.Status}, not a finished proof.", nameof(proof));
        }

        var verified = proof.Status == ProofStatus.Verified;
        return new RankedProof(
            BigInteger.Parse(proof.ChallengeId, CultureInfo.InvariantCulture), verified ? ProofOutcome.Verified : ProofOutcome.Missed,
            proof.Deadline - proof.DeadlineSeconds, completed.ToUnixTimeSeconds(),
            verified ? BigInteger.Parse(proof.Work, CultureInfo.InvariantCulture) : BigInteger.Zero, verified ? proof.ElapsedMs : 0);
    }

    /// <summary>The proofs of a rank as <c>/api/ranks/{vid}</c> lists them, with the events that finished them.</summary>
    public static IReadOnlyList<RankProofView> Views(Rank rank, IReadOnlyCollection<ProofEntity> rows)
    {
        ArgumentNullException.ThrowIfNull(rank);
        var byId = rows.ToDictionary(r => r.ChallengeId, StringComparer.Ordinal);
        return rank.Proofs.Select(p =>
        {
            var row = byId[Keys.Id(p.ChallengeId)];
            return new RankProofView(
                row.ChallengeId, row.Status, p.IssuedAt, p.FinishedAt, Keys.Id(p.Work), p.ElapsedMs, Keys.Id(p.Rate), new ChainRefView(row.Block, row.TxHash, row.LogIndex));
        }).ToList();
    }
}
