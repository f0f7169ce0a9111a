using System.Globalization;
using System.Numerics;
using Azure.Data.Tables;
using PowerVerse.Domain.Proofs;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.ReadModel.Entities;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>
/// A VID's challenges that bear on one rental, from the read model's proofs by VID (newest challenge first): the
/// dispatched ones issued before the rental's end, finished (verified or expired) or still open. Of those issued before
/// the rental's start only the last finished one is kept: whether it was missed is all that
/// <see cref="ProvenDowntime"/> needs of the past (down from the start until the next verified proof, or not down).
/// </summary>
public sealed class RentalProofs
{
    private readonly ReadModelTables _tables;

    internal RentalProofs(ReadModelTables tables) => _tables = tables;

    /// <summary>
    /// Reads the VID's challenges newest first. Challenge ids are given in request order, and a challenge is issued
    /// within its proof deadline of its request, so once a challenge was requested more than
    /// <paramref name="dispatchBound"/> (the longest proof deadline there can be: the dispute window in force, which
    /// PowerParams never lets be shorter) before the last finished proof issued before the start, no older challenge
    /// can have been issued after that proof, and the scan stops.
    /// </summary>
    public async Task<Found> ReadAsync(BigInteger vid, long start, long end, long dispatchBound, CancellationToken cancellationToken)
    {
        var finished = new List<FinishedProof>();
        var open = new List<OpenChallenge>();
        FinishedProof? lastBefore = null;
        var bound = dispatchBound;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Keys.Id(vid)}");
        string[] columns = [nameof(ProofEntity.ChallengeId), nameof(ProofEntity.Status), nameof(ProofEntity.Deadline), nameof(ProofEntity.DeadlineSeconds), nameof(ProofEntity.RequestedAt)];
        await foreach (var row in _tables.ProofsByVid.QueryAsync<ProofEntity>(filter, select: columns, cancellationToken: cancellationToken))
        {
            bound = Math.Max(bound, row.DeadlineSeconds);
            if (lastBefore is { } last && row.RequestedAt is { } requested && requested.ToUnixTimeSeconds() + bound < last.IssuedAt)
            {
                break;
            }

            // Requested and lapsed challenges were never dispatched: no proof either way.
            if (row.Status is not (ProofStatus.Open or ProofStatus.Verified or ProofStatus.Expired))
            {
                continue;
            }

            var id = BigInteger.Parse(row.ChallengeId, CultureInfo.InvariantCulture);
            var issuedAt = row.Deadline - row.DeadlineSeconds;
            if (issuedAt >= end)
            {
                continue;
            }

            if (row.Status == ProofStatus.Open)
            {
                open.Add(new OpenChallenge(id, row.Deadline));
                continue;
            }

            var proof = new FinishedProof(id, issuedAt, row.Status == ProofStatus.Verified ? ProofOutcome.Verified : ProofOutcome.Missed);
            if (issuedAt >= start)
            {
                finished.Add(proof);
            }
            else if (lastBefore is not { } previous || (proof.IssuedAt, proof.ChallengeId).CompareTo((previous.IssuedAt, previous.ChallengeId)) > 0)
            {
                lastBefore = proof;
            }
        }

        if (lastBefore is { } kept)
        {
            finished.Add(kept);
        }

        return new Found(finished, open);
    }

    /// <summary>The finished proofs that decide the rental's downtime, and the challenges issued before its end still open in the read model.</summary>
    public sealed record Found(IReadOnlyList<FinishedProof> Finished, IReadOnlyList<OpenChallenge> Open);

    /// <summary>A dispatched challenge without an outcome yet, and its deadline (unix seconds).</summary>
    public sealed record OpenChallenge(BigInteger ChallengeId, long Deadline);
}
