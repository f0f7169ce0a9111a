using PowerVerse.Domain.Proofs;
using PowerVerse.Functions.ReadModel.Entities;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.Tests.ReadModel;

/// <summary>Proof rows to the rank formula's inputs.</summary>
public sealed class RankCalculatorTests
{
    [Fact]
    public void HashRate_Verified_IsWorkPerSecond() =>
        Assert.Equal(2_000_000, RankCalculator.HashRate(ProofStatus.Verified, 3_000_000, 1500));

    [Fact]
    public void HashRate_NotVerifiedOrNoTime_IsZero()
    {
        Assert.Equal(0, RankCalculator.HashRate(ProofStatus.Expired, 1000, 10));
        Assert.Equal(0, RankCalculator.HashRate(ProofStatus.Verified, 1000, 0));
    }

    [Fact]
    public void Input_Verified_IssuedAtIsDeadlineLessItsSecondsAndFinishedAtItsBlockTime()
    {
        var row = Row(ProofStatus.Verified, work: "1048576", elapsedMs: 640);

        Assert.Equal(new RankedProof(42, ProofOutcome.Verified, 1_000, 1_005, 1_048_576, 640), RankCalculator.Input(row));
    }

    [Fact]
    public void Input_Expired_IsAMissWithoutWork() =>
        Assert.Equal(new RankedProof(42, ProofOutcome.Missed, 1_000, 1_005, 0, 0), RankCalculator.Input(Row(ProofStatus.Expired, work: "0", elapsedMs: 0)));

    [Theory]
    [InlineData(ProofStatus.Lapsed)]
    [InlineData(ProofStatus.Open)]
    [InlineData(ProofStatus.Requested)]
    public void Input_NotAFinishedProof_Refused(string status) =>
        Assert.Throws<ArgumentException>(() => RankCalculator.Input(Row(status, "0", 0)));

    private static ProofEntity Row(string status, string work, long elapsedMs) => new()
    {
        ChallengeId = "42", Status = status, Deadline = 1_600, DeadlineSeconds = 600, Work = work, ElapsedMs = elapsedMs,
        CompletedAt = DateTimeOffset.FromUnixTimeSeconds(1_005),
    };
}
