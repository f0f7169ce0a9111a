using PowerVerse.Chain.Contracts;
using PowerVerse.Functions.Orchestrations.Proofs;

namespace PowerVerse.Functions.Tests.Proofs;

/// <summary>When the platform's next proof of a resource is due: its last platform challenge closed and older than the cadence.</summary>
public sealed class ProofCadenceTests
{
    private const long Cadence = 600;

    [Theory]
    [InlineData(ChallengeInfo.Verified, 1_000, 1_599, false)]
    [InlineData(ChallengeInfo.Verified, 1_000, 1_600, true)]
    [InlineData(ChallengeInfo.Expired, 1_000, 1_600, true)]
    [InlineData(ChallengeInfo.Lapsed, 1_000, 2_000, true)]
    [InlineData(ChallengeInfo.Open, 1_000, 1_600, false)]
    [InlineData(ChallengeInfo.Open, 1_000, 1_701, true)]
    [InlineData(ChallengeInfo.Requested, 1_000, 1_600, false)]
    [InlineData(ChallengeInfo.Requested, 1_000, 1_601, true)]
    public void IsDue_LastChallenge_DueOnlyWhenClosedAndOlderThanTheCadence(byte status, long requestedAt, long now, bool due)
    {
        // Dispatched 100 s after its request, 600 s to answer: open until 1700; a request never dispatched lapses after 1600.
        var last = new ChallengeInfo { Status = status, RequestedAt = (ulong)requestedAt, DeadlineSeconds = 600, Deadline = (ulong)requestedAt + 700 };

        Assert.Equal(due, ProofCadence.IsDue(last, now, Cadence));
    }
}
