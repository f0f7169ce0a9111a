using System.Numerics;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Events;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>
/// Proofs (ProofOfCompute events): each event writes the challenge as it stands at its block, with the status the event
/// announces; a verified or expired challenge also recomputes its VID's rank (<see cref="PowerVerse.Domain.Proofs.RankFormula"/>,
/// README "Ranks"): a rank depends on finished proofs only, so these two events are all that change it. The finished
/// challenge's block time is its <c>CompletedAt</c>, the rank's finishedAt. The agent's own timestamps come only with
/// <c>ProofVerified</c>.
/// </summary>
internal sealed class ProofRows(ChainReader chain, ReadModelWriter writer)
{
    public Task RequestedAsync(DecodedEvent e, CancellationToken cancellationToken) => WriteAsync(e, ProofStatus.Requested, cancellationToken);

    public Task DispatchedAsync(DecodedEvent e, CancellationToken cancellationToken) => WriteAsync(e, ProofStatus.Open, cancellationToken);

    public async Task VerifiedAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        await WriteAsync(e, ProofStatus.Verified, cancellationToken);
        await writer.RecomputeRankAsync(e.Number("vid"), e.Source(), cancellationToken);
    }

    public async Task ExpiredAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        await WriteAsync(e, ProofStatus.Expired, cancellationToken);
        await writer.RecomputeRankAsync(e.Number("vid"), e.Source(), cancellationToken);
    }

    public Task LapsedAsync(DecodedEvent e, CancellationToken cancellationToken) => WriteAsync(e, ProofStatus.Lapsed, cancellationToken);

    private async Task WriteAsync(DecodedEvent e, string status, CancellationToken cancellationToken)
    {
        var (id, block) = (e.Number("challengeId"), e.BlockNumber);
        var c = await chain.ChallengeAsync(id, block);
        var computeType = (await chain.HardwareFactsAsync(c.Hid, block))?.ComputeType ?? 0;
        var verified = status == ProofStatus.Verified;
        var finished = status is ProofStatus.Verified or ProofStatus.Expired or ProofStatus.Lapsed;
        await writer.UpsertProofAsync(new ProofRecord(
            id, c.Vid, c.Hid, computeType, c.Requester, ChainReader.IsZero(c.Agent) ? null : c.Agent, status, c.Difficulty, c.Shares,
            c.DeadlineSeconds, c.RequestedAt == 0 ? null : DateTimeOffset.FromUnixTimeSeconds((long)c.RequestedAt), (long)c.Deadline,
            verified ? e.Number("work") : BigInteger.Zero, verified ? (long)e.Number("elapsedMs") : 0,
            verified ? (long)e.Number("startedAt") : 0, verified ? (long)e.Number("finishedAt") : 0,
            finished ? await chain.BlockTimeAsync(block) : null), e.Source(), cancellationToken);
    }
}
