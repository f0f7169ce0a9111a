using System.Numerics;
using PowerVerse.Domain.Proofs;

namespace PowerVerse.Domain.Tests.Proofs;

/// <summary>The rank formula on cases computed by hand (the README's worked example among them).</summary>
public sealed class RankFormulaTests
{
    private const long Work = 1_048_576; // 16 shares · 2^16

    private static RankedProof Ok(int id, long issuedAt, long finishedAt, long elapsedMs, long work = Work) =>
        new(id, ProofOutcome.Verified, issuedAt, finishedAt, work, elapsedMs);

    private static RankedProof Miss(int id, long issuedAt, long finishedAt) => new(id, ProofOutcome.Missed, issuedAt, finishedAt, 0, 0);

    [Fact]
    public void Compute_ReadmeExample_EveryFieldAsComputedByHand()
    {
        // rates 1,310,720, 1,048,576, 1,638,400; h = 1,310,720 → floor((1,048,576 + 3·1,310,720)/4) = 1,245,184
        // → floor((1,638,400 + 3·1,245,184)/4) = 1,343,488; success 3/4; span 1812 s with 610 s down (2200 → 2810).
        var rank = RankFormula.Compute([Ok(1, 1000, 1002, 800), Ok(2, 1600, 1601, 1000), Miss(3, 2200, 2801), Ok(4, 2810, 2812, 640)])!;

        Assert.Equal(1_343_488, rank.HashRate);
        Assert.Equal((7_500, 6_633), (rank.SuccessBps, rank.UptimeBps));
        Assert.Equal(668_351, rank.Score);
        Assert.Equal((3, 1, 1000L, 2812L, 610L), (rank.Verified, rank.Missed, rank.From, rank.To, rank.DowntimeSeconds));
        Assert.Equal([1, 2, 3, 4], rank.Proofs.Select(p => (int)p.ChallengeId));
    }

    [Fact]
    public void Compute_OneVerified_ScoreIsItsRate()
    {
        var rank = RankFormula.Compute([Ok(7, 100, 102, 500)])!;

        Assert.Equal((2_097_152, 10_000, 10_000, 2_097_152), ((long)rank.HashRate, rank.SuccessBps, rank.UptimeBps, (long)rank.Score));
    }

    [Fact]
    public void Compute_RateIsFloored() =>
        // 1,048,576,000 / 3 = 349,525,333.33…
        Assert.Equal(349_525_333, RankFormula.Compute([Ok(1, 0, 1, 3)])!.HashRate);

    [Fact]
    public void Compute_NoVerified_ZeroRateSuccessAndUptime()
    {
        var rank = RankFormula.Compute([Miss(1, 100, 701), Miss(2, 800, 1401)])!;

        Assert.Equal((0, 0, 0, 0, 0, 2), ((int)rank.HashRate, rank.SuccessBps, rank.UptimeBps, (int)rank.Score, rank.Verified, rank.Missed));
        Assert.Equal(1301, rank.DowntimeSeconds);
    }

    [Fact]
    public void Compute_MissedThenVerified_DownFromTheMissToTheVerifiedIssue()
    {
        // Span [100, 1000]: down 100 → 900, so uptime = floor(10000 · 100 / 900) = 1111; success 1/2.
        var rank = RankFormula.Compute([Miss(1, 100, 701), Ok(2, 900, 1000, 1000)])!;

        Assert.Equal((1_048_576, 5_000, 1_111), ((long)rank.HashRate, rank.SuccessBps, rank.UptimeBps));
        Assert.Equal(1_048_576L * 5_000 * 1_111 / 100_000_000, (long)rank.Score);
    }

    [Fact]
    public void Compute_SpanZero_FullUptime()
    {
        var rank = RankFormula.Compute([Ok(1, 500, 500, 1000)])!;

        Assert.Equal((10_000, 0L, 500L, 500L), (rank.UptimeBps, rank.DowntimeSeconds, rank.From, rank.To));
    }

    [Fact]
    public void Compute_MoreThanTheWindow_OnlyTheTwentyHighestChallengeIds()
    {
        // Five early misses, then twenty verified proofs whose rates climb: the misses fall out of the window.
        var proofs = Enumerable.Range(1, 5).Select(i => Miss(i, i * 1000, (i * 1000) + 601))
            .Concat(Enumerable.Range(6, 20).Select(i => Ok(i, i * 1000, (i * 1000) + 2, 1000 - (i * 10)))).ToList();

        var rank = RankFormula.Compute(proofs)!;

        Assert.Equal(RankFormula.Window, rank.Proofs.Count);
        Assert.Equal(Enumerable.Range(6, 20), rank.Proofs.Select(p => (int)p.ChallengeId));
        Assert.Equal((20, 0, 10_000, 10_000), (rank.Verified, rank.Missed, rank.SuccessBps, rank.UptimeBps));
        Assert.Equal(RankFormula.Compute(proofs.Skip(5))!.Score, rank.Score);
        Assert.Equal(Ewma(proofs.Skip(5).Select(p => p.Rate)), rank.HashRate);
    }

    [Fact]
    public void Compute_WindowIsByChallengeId_OrderIsByIssue()
    {
        // Challenge 3 was dispatched before 2: both count (highest ids), and the EWMA takes 3's rate before 2's.
        var rank = RankFormula.Compute([Ok(1, 100, 101, 4000), Ok(3, 150, 151, 1000), Ok(2, 200, 201, 2000)])!;

        Assert.Equal([1, 3, 2], rank.Proofs.Select(p => (int)p.ChallengeId));
        Assert.Equal(Ewma([262_144, 1_048_576, 524_288]), rank.HashRate);
    }

    [Fact]
    public void Compute_SameIssueTime_OrderedByChallengeId() =>
        Assert.Equal(Ewma([1_048_576, 524_288]), RankFormula.Compute([Ok(2, 100, 101, 2000), Ok(1, 100, 102, 1000)])!.HashRate);

    [Fact]
    public void Compute_AnyInputOrder_SameRank()
    {
        RankedProof[] proofs = [Ok(1, 1000, 1002, 800), Ok(2, 1600, 1601, 1000), Miss(3, 2200, 2801), Ok(4, 2810, 2812, 640)];

        Assert.Equal(RankFormula.Compute(proofs)! with { Proofs = [] }, RankFormula.Compute(proofs.Reverse())! with { Proofs = [] });
    }

    [Fact]
    public void Compute_NoProof_Unranked() => Assert.Null(RankFormula.Compute([]));

    [Fact]
    public void Compute_VerifiedWithoutElapsedTime_Refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RankFormula.Compute([Ok(1, 100, 101, 0)]));

    [Fact]
    public void Compute_SameChallengeTwice_Refused() =>
        Assert.Throws<ArgumentException>(() => RankFormula.Compute([Ok(1, 100, 101, 1000), Miss(1, 100, 701)]));

    [Fact]
    public void Rate_Miss_IsZero() => Assert.Equal(BigInteger.Zero, Miss(1, 0, 0).Rate);

    /// <summary>The EWMA written out as the README states it.</summary>
    private static BigInteger Ewma(IEnumerable<BigInteger> rates)
    {
        var list = rates.ToList();
        var h = list[0];
        foreach (var rate in list.Skip(1))
        {
            h = (rate + (3 * h)) / 4;
        }

        return h;
    }
}
