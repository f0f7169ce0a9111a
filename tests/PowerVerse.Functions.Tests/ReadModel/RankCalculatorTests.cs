using PowerVerse.Functions.ReadModel.Entities;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.Tests.ReadModel;

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
    public void Compute_HalfMissed_HalvesTheMeanRate()
    {
        ProofEntity[] proofs =
        [
            new() { Status = ProofStatus.Verified, HashRate = "300" },
            new() { Status = ProofStatus.Verified, HashRate = "100" },
            new() { Status = ProofStatus.Expired, HashRate = "0" },
            new() { Status = ProofStatus.Expired, HashRate = "0" },
        ];

        var (score, rate, verified, failed) = RankCalculator.Compute(proofs);

        Assert.Equal((100, 200, 2, 2), ((int)score, (int)rate, verified, failed));
    }

    [Fact]
    public void Compute_AllMissed_ScoresZero() =>
        Assert.Equal(0, (int)RankCalculator.Compute([new ProofEntity { Status = ProofStatus.Expired }]).Score);
}
