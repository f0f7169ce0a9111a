using PowerVerse.Domain.Proofs;

namespace PowerVerse.Domain.Tests.Proofs;

/// <summary>Proven downtime: a miss opens downtime at its issue, the next verified proof's issue closes it.</summary>
public sealed class ProvenDowntimeTests
{
    private static FinishedProof Ok(int id, long at) => new(id, at, ProofOutcome.Verified);

    private static FinishedProof Miss(int id, long at) => new(id, at, ProofOutcome.Missed);

    [Fact]
    public void Within_NoMiss_IsZero() =>
        Assert.Equal(0, ProvenDowntime.Within([Ok(1, 100), Ok(2, 200)], 0, 1000));

    [Fact]
    public void Within_MissThenVerified_CountsFromTheMissToTheNextVerifiedIssue() =>
        Assert.Equal(150, ProvenDowntime.Within([Ok(1, 100), Miss(2, 200), Ok(3, 350), Ok(4, 500)], 0, 1000));

    [Fact]
    public void Within_MissNeverFollowed_CountsToTheEndOfThePeriod() =>
        Assert.Equal(800, ProvenDowntime.Within([Ok(1, 100), Miss(2, 200)], 0, 1000));

    [Fact]
    public void Within_SeveralMissesInARow_OpenOneInterval() =>
        Assert.Equal(300, ProvenDowntime.Within([Miss(1, 100), Miss(2, 200), Miss(3, 300), Ok(4, 400)], 0, 1000));

    [Fact]
    public void Within_ClipsToThePeriod()
    {
        FinishedProof[] proofs = [Miss(1, 100), Ok(2, 400), Miss(3, 700)];
        Assert.Equal(150, ProvenDowntime.Within(proofs, 250, 450));
        Assert.Equal(50, ProvenDowntime.Within(proofs, 650, 750));
        Assert.Equal(0, ProvenDowntime.Within(proofs, 400, 700));
    }

    [Fact]
    public void Within_MissBeforeThePeriod_CountsFromItsStartUntilVerified() =>
        Assert.Equal(100, ProvenDowntime.Within([Miss(1, 50), Ok(2, 300)], 200, 1000));

    [Fact]
    public void Within_ProofsIssuedAtOrAfterTheEnd_ProveNothing() =>
        Assert.Equal(0, ProvenDowntime.Within([Ok(1, 100), Miss(2, 1000)], 0, 1000));

    [Fact]
    public void Within_AnyOrder_SameAsIssueOrder()
    {
        FinishedProof[] ordered = [Ok(1, 100), Miss(2, 200), Ok(3, 350), Miss(4, 600), Miss(5, 650), Ok(6, 900)];
        var reversed = ordered.Reverse().ToArray();
        Assert.Equal(ProvenDowntime.Within(ordered, 0, 1000), ProvenDowntime.Within(reversed, 0, 1000));
        Assert.Equal(450, ProvenDowntime.Within(ordered, 0, 1000));
    }

    [Fact]
    public void Within_SameIssueTime_ByChallengeId() =>
        // The miss (id 2) comes after the verified proof (id 1) issued in the same second: down from 100 to the end.
        Assert.Equal(900, ProvenDowntime.Within([Miss(2, 100), Ok(1, 100)], 0, 1000));

    [Fact]
    public void Within_EmptyPeriod_IsZero() =>
        Assert.Equal(0, ProvenDowntime.Within([Miss(1, 100)], 500, 500));

    [Fact]
    public void Within_EndBeforeStart_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProvenDowntime.Within([], 10, 5));

    [Fact]
    public void Within_RandomProofs_NeverMoreThanThePeriodAndAdditiveOverSplits()
    {
        var random = new Random(1102);
        for (var round = 0; round < 500; round++)
        {
            var proofs = Enumerable.Range(1, random.Next(0, 12))
                .Select(i => new FinishedProof(i, random.Next(0, 1000), random.Next(3) == 0 ? ProofOutcome.Missed : ProofOutcome.Verified))
                .ToArray();
            var (from, to) = (random.Next(0, 500), random.Next(500, 1200));
            var split = random.Next(from, to + 1);
            var whole = ProvenDowntime.Within(proofs, from, to);
            Assert.InRange(whole, 0, to - from);
            Assert.Equal(whole, ProvenDowntime.Within(proofs, from, split) + ProvenDowntime.Within(proofs, split, to));
        }
    }
}
