using System.Numerics;
using PowerVerse.Domain.Proofs;
using PowerVerse.Functions.Orchestrations.Settlement;
using PowerVerse.Functions.ReadModel.Writing;
using PowerVerse.Functions.Tests.Support;

namespace PowerVerse.Functions.Tests.Settlement;

/// <summary>The proofs a rental's settlement reads from the read model, on Azurite.</summary>
public sealed class RentalProofsTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    private const long Start = 1_800_000_000;
    private const long End = Start + 3_600;

    /// <summary>The dispute window in force locally: a bound on how long after its request a challenge can be dispatched.</summary>
    private const long Bound = 3_600;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Read_ProofsAroundRental_LastFinishedBeforeStartAndThoseIssuedInsideOpenOnesApart()
    {
        var vid = new BigInteger(900);
        await ProofAsync(vid, 1, ProofStatus.Verified, Start - 5_000);
        await ProofAsync(vid, 2, ProofStatus.Expired, Start - 3_000);
        await ProofAsync(vid, 3, ProofStatus.Lapsed, issuedAt: null);
        await ProofAsync(vid, 4, ProofStatus.Expired, Start + 100);
        await ProofAsync(vid, 5, ProofStatus.Verified, Start + 900);
        await ProofAsync(vid, 6, ProofStatus.Open, End - 10);
        await ProofAsync(vid, 7, ProofStatus.Verified, End + 5);
        await ProofAsync(vid, 8, ProofStatus.Requested, issuedAt: null);

        var found = await new RentalProofs(store.Tables).ReadAsync(vid, Start, End, Bound, None);

        Assert.Equal(
            ["2 Missed " + (Start - 3_000), "4 Missed " + (Start + 100), "5 Verified " + (Start + 900)],
            found.Finished.OrderBy(p => p.ChallengeId).Select(p => $"{p.ChallengeId} {p.Outcome} {p.IssuedAt}"));
        Assert.Equal([$"6 {End - 10 + 600}"], found.Open.Select(o => $"{o.ChallengeId} {o.Deadline}"));
        Assert.Equal(900, ProvenDowntime.Within(found.Finished, Start, End));
    }

    [Fact]
    public async Task Read_ChallengeRequestedBeyondTheBoundBeforeTheLastProofBeforeStart_NotRead()
    {
        // A challenge is issued within its deadline of its request, so one requested more than the bound before the last
        // finished proof before the start cannot come after it. This row breaks that rule on purpose: were it read, its
        // verified proof would end the downtime the missed one (issued later) proves.
        var vid = new BigInteger(901);
        await ProofAsync(vid, 10, ProofStatus.Verified, Start - 10, requestedAt: Start - 100 - Bound - 1);
        await ProofAsync(vid, 11, ProofStatus.Expired, Start - 100);

        var found = await new RentalProofs(store.Tables).ReadAsync(vid, Start, End, Bound, None);

        Assert.Equal([new BigInteger(11)], found.Finished.Select(p => p.ChallengeId));
        Assert.Equal(End - Start, ProvenDowntime.Within(found.Finished, Start, End));
    }

    [Fact]
    public async Task Read_NoProofs_NothingAndNoDowntime()
    {
        var found = await new RentalProofs(store.Tables).ReadAsync(902, Start, End, Bound, None);

        Assert.Empty(found.Finished);
        Assert.Empty(found.Open);
    }

    /// <summary>A challenge of the VID in the read model: dispatched at <paramref name="issuedAt"/> (null: never dispatched) with the 600 s deadline.</summary>
    private Task ProofAsync(BigInteger vid, BigInteger id, string status, long? issuedAt, long? requestedAt = null)
    {
        var requested = requestedAt ?? (issuedAt ?? Start) - 5;
        var record = Sample.Proof(id, vid, status, status == ProofStatus.Verified ? 1_048_576 : 0, status == ProofStatus.Verified ? 2_000 : 0) with
        {
            RequestedAt = DateTimeOffset.FromUnixTimeSeconds(requested), Deadline = issuedAt is { } at ? at + 600 : 0,
        };
        return store.Writer.UpsertProofAsync(record, Sample.Event((long)id), None);
    }
}
