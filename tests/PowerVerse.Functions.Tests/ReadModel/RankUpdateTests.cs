using System.Globalization;
using System.Numerics;
using Azure.Data.Tables;
using PowerVerse.Functions.ReadModel.Entities;
using PowerVerse.Functions.ReadModel.Queries;
using PowerVerse.Functions.ReadModel.Writing;
using PowerVerse.Functions.Tests.Support;

namespace PowerVerse.Functions.Tests.ReadModel;

/// <summary>The rank update on Azurite: which proofs it reads, what it publishes, and the board's order.</summary>
public sealed class RankUpdateTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    private const long Work = 1_048_576;
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly ProofQueries _queries = new(store.Tables);

    [Fact]
    public async Task RecomputeRank_MoreThanTheWindow_TheTwentyHighestChallengeIdsInIssueOrder()
    {
        // 23 finished proofs (three early misses), then a lapsed request and an open challenge, which are no proofs.
        for (var i = 1; i <= 23; i++)
        {
            var verified = i > 3;
            await store.Writer.UpsertProofAsync(
                Sample.Proof(2010 + i, 201, verified ? ProofStatus.Verified : ProofStatus.Expired, verified ? Work : 0, verified ? 500 + i : 0, i * 700, (i * 700) + (verified ? 2 : 601)),
                Sample.Event(200 + i), None);
        }

        await store.Writer.UpsertProofAsync(Sample.Proof(2040, 201, ProofStatus.Lapsed, 0, 0, 30_000, 30_600), Sample.Event(240), None);
        await store.Writer.UpsertProofAsync(Sample.Proof(2041, 201, ProofStatus.Open, 0, 0, 31_000, 31_000) with { CompletedAt = null }, Sample.Event(241), None);

        await store.Writer.RecomputeRankAsync(201, Sample.Event(241), None);

        var detail = (await _queries.RankAsync(201, None))!;
        Assert.Equal(Enumerable.Range(2014, 20).Select(Id), detail.Proofs.Select(p => p.ChallengeId));
        Assert.All(detail.Proofs, p => Assert.Equal("verified", p.Status));
        Assert.Equal((20, 0, 10_000, 10_000), (detail.Rank.Verified, detail.Rank.Missed, detail.Rank.SuccessBps, detail.Rank.UptimeBps));
        Assert.Equal((20, 20, 4 * 700L, (23 * 700L) + 2), (detail.Rank.Window.Proofs, detail.Rank.Window.Max, detail.Rank.Window.From, detail.Rank.Window.To));
    }

    [Fact]
    public async Task Rank_ProofsAreTheInputsUsed_WithTheEventsThatFinishedThem()
    {
        await store.Writer.UpsertProofAsync(Sample.Proof(2051, 205, ProofStatus.Verified, Work, 800, 1000, 1002), Sample.Event(251, 3), None);
        await store.Writer.UpsertProofAsync(Sample.Proof(2052, 205, ProofStatus.Expired, 0, 0, 1600, 2201), Sample.Event(252, 1), None);
        await store.Writer.RecomputeRankAsync(205, Sample.Event(252, 1), None);

        var detail = (await _queries.RankAsync(205, None))!;

        var (verified, missed) = (detail.Proofs[0], detail.Proofs[1]);
        Assert.Equal(("2051", "verified", 1000L, 1002L, "1048576", 800L, "1310720"), (verified.ChallengeId, verified.Status, verified.IssuedAt, verified.FinishedAt, verified.Work, verified.ElapsedMs, verified.Rate));
        Assert.Equal(("2052", "expired", 1600L, 2201L, "0", 0L, "0"), (missed.ChallengeId, missed.Status, missed.IssuedAt, missed.FinishedAt, missed.Work, missed.ElapsedMs, missed.Rate));
        Assert.Equal((251L, 3, 252L, 1), (verified.Source.Block, verified.Source.LogIndex, missed.Source.Block, missed.Source.LogIndex));
        Assert.Equal((1000L, 2201L, 601L), (detail.Rank.Window.From, detail.Rank.Window.To, detail.Rank.Window.DowntimeSeconds));
    }

    [Fact]
    public async Task RecomputeRank_ProofRetracted_UnrankedEverywhere()
    {
        await store.Writer.UpsertProofAsync(Sample.Proof(2021, 202, ProofStatus.Verified, Work, 1000, 1000, 1001), Sample.Event(221), None);
        await store.Writer.RecomputeRankAsync(202, Sample.Event(221), None);
        Assert.NotNull(await _queries.RankAsync(202, None));

        await store.Writer.RemoveProofAsync(2021, 202, None);
        await store.Writer.RecomputeRankAsync(202, Sample.Event(221), None);

        Assert.Null(await _queries.RankAsync(202, None));
        Assert.Empty(await BoardRowsAsync("202"));
    }

    [Fact]
    public async Task RecomputeRank_NewOutcome_OneBoardRowPerPartitionAtTheNewScore()
    {
        await store.Writer.UpsertProofAsync(Sample.Proof(2031, 203, ProofStatus.Verified, Work, 1000, 1000, 1001), Sample.Event(231), None);
        await store.Writer.RecomputeRankAsync(203, Sample.Event(231), None);
        await store.Writer.UpsertProofAsync(Sample.Proof(2032, 203, ProofStatus.Expired, 0, 0, 1600, 2201), Sample.Event(232), None);
        await store.Writer.RecomputeRankAsync(203, Sample.Event(232), None);

        var rows = await BoardRowsAsync("203");
        var score = (await _queries.RankAsync(203, None))!.Rank.Score;
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((score, string.Empty), (r.Score, r.Proofs)));
        Assert.NotEqual("1048576", score);
    }

    [Fact]
    public async Task Ranks_ByComputeType_BestScoreFirstAcrossPages()
    {
        // VIDs 2100–2106 of compute type 9 with rates 1,048,576,000 / elapsed; 2107 of type 10 faster than all of them.
        long[] elapsed = [900, 300, 700, 100, 500, 600, 200];
        for (var i = 0; i < elapsed.Length; i++)
        {
            await RankedAsync(2100 + i, 9, elapsed[i]);
        }

        await RankedAsync(2107, 10, 50);

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await _queries.RanksAsync(9, 3, token, None);
            seen.AddRange(page.Items.Select(r => r.Vid));
            token = page.StorageToken;
        }
        while (token is not null);

        Assert.Equal(["2103", "2106", "2101", "2104", "2105", "2102", "2100"], seen);
        Assert.Equal("2107", Assert.Single((await _queries.RanksAsync(10, 50, null, None)).Items).Vid);
    }

    private async Task RankedAsync(int vid, uint computeType, long elapsedMs)
    {
        await store.Writer.UpsertProofAsync(Sample.Proof(vid * 10, vid, ProofStatus.Verified, Work, elapsedMs, 1000, 1001) with { ComputeType = computeType }, Sample.Event(vid), None);
        await store.Writer.RecomputeRankAsync(vid, Sample.Event(vid), None);
    }

    private async Task<List<RankEntity>> BoardRowsAsync(string vid)
    {
        var rows = new List<RankEntity>();
        await foreach (var row in store.Tables.RankBoard.QueryAsync<RankEntity>(TableClient.CreateQueryFilter($"Vid eq {vid}"), cancellationToken: None))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static string Id(int id) => ((BigInteger)id).ToString(CultureInfo.InvariantCulture);
}
