using System.Numerics;
using PowerVerse.Domain.Dividends;

namespace PowerVerse.Domain.Tests.Dividends;

public sealed class DividendScoresTests
{
    private const string A = "0x00000000000000000000000000000000000000aa";
    private const string B = "0x00000000000000000000000000000000000000BB";
    private const string C = "0x00000000000000000000000000000000000000cc";

    [Fact]
    public void Allocate_ListedOnlineResources_SumPerAccountAndShareThePool()
    {
        var allocation = DividendScores.Allocate(1000, [
            new(A, 1, 300, ListedOrRented: true, Online: true),
            new(A, 2, 100, ListedOrRented: true, Online: true),
            new(B, 3, 200, ListedOrRented: true, Online: true),
        ], []);

        Assert.Equal(600, allocation.TotalScore);
        Assert.Equal([(A, 400, 666), (B.ToLowerInvariant(), 200, 333)], allocation.Accounts.Select(a => (a.Account, (int)a.Score, (int)a.Amount)));
        Assert.Equal(999, allocation.Total);
    }

    [Fact]
    public void Allocate_NotListedOrNotOnline_ScoreDoesNotCount()
    {
        var allocation = DividendScores.Allocate(90, [
            new(A, 1, 50, ListedOrRented: false, Online: true),
            new(A, 2, 70, ListedOrRented: true, Online: false),
            new(B, 3, 10, ListedOrRented: true, Online: true),
            new(C, 4, 20, ListedOrRented: true, Online: true),
        ], []);

        Assert.Equal([0, 10, 20], allocation.Accounts.Select(a => (int)a.Score));
        Assert.Equal([0, 30, 60], allocation.Accounts.Select(a => (int)a.Amount));
        Assert.Equal([B.ToLowerInvariant(), C], allocation.Leaves.Select(l => l.Account));
    }

    [Fact]
    public void Allocate_AccountWithAViolation_ScoresZeroAndOthersShareThePool()
    {
        var allocation = DividendScores.Allocate(1000, [
            new(A, 1, 500, ListedOrRented: true, Online: true),
            new(B, 2, 250, ListedOrRented: true, Online: true),
            new(C, 3, 750, ListedOrRented: true, Online: true),
        ], [C.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)]);

        var c = Assert.Single(allocation.Accounts, a => a.Account == C);
        Assert.True(c.Violation);
        Assert.Equal(0, c.Score);
        Assert.Equal(0, c.Amount);
        Assert.Equal([666, 333], allocation.Leaves.Select(l => (int)l.Amount));
    }

    [Fact]
    public void Allocate_ViolationWithoutResources_ListedWithZero()
    {
        var allocation = DividendScores.Allocate(10, [new(A, 1, 5, true, true)], [B]);

        Assert.Equal([(A, false, 10), (B.ToLowerInvariant(), true, 0)], allocation.Accounts.Select(a => (a.Account, a.Violation, (int)a.Amount)));
    }

    [Fact]
    public void Allocate_NothingCounts_NothingPaid()
    {
        var allocation = DividendScores.Allocate(1000, [new(A, 1, 500, ListedOrRented: true, Online: false)], [B]);

        Assert.Equal(0, allocation.TotalScore);
        Assert.Equal(0, allocation.Total);
        Assert.Empty(allocation.Leaves);
    }

    [Fact]
    public void Allocate_RandomMonths_TotalNeverAbovePoolAndShortByLessThanOneUnitPerAccount()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var pool = new BigInteger(random.NextInt64(0, long.MaxValue)) * random.Next(1, 1000);
            var resources = Enumerable.Range(0, random.Next(1, 30))
                .Select(i => new ResourceMonth($"0x{random.Next(1, 8):x40}", i, random.NextInt64(0, 1_000_000_000_000), random.Next(4) > 0, random.Next(4) > 0))
                .ToList();

            var allocation = DividendScores.Allocate(pool, resources, []);

            var paid = allocation.Accounts.Count(a => a.Score > 0);
            Assert.True(allocation.Total <= pool);
            Assert.True(allocation.TotalScore.IsZero || pool - allocation.Total < paid, $"round {round}: short by {pool - allocation.Total} over {paid} accounts");
            Assert.Equal(allocation.Leaves.Aggregate(BigInteger.Zero, (s, l) => s + l.Amount), allocation.Total);
        }
    }

    [Fact]
    public void Allocate_BadInput_Refused()
    {
        Assert.Throws<ArgumentException>(() => DividendScores.Allocate(-1, [], []));
        Assert.Throws<ArgumentException>(() => DividendScores.Allocate(1, [new(A, 1, -5, true, true)], []));
        Assert.Throws<ArgumentException>(() => DividendScores.Allocate(1, [new(A, 1, 5, true, true), new(B, 1, 5, true, true)], []));
        Assert.Throws<ArgumentException>(() => DividendScores.Allocate(1, [new("0xnothex", 1, 5, true, true)], []));
    }
}
