using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Nethereum.Hex.HexTypes;
using Nethereum.Web3;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Rpc;
using PowerVerse.Domain.Proofs;

namespace PowerVerse.Indexer.Tests.Ranks;

/// <summary>
/// A rank made from real proofs on the chain (five verified with real shares and agent signatures, three missed), indexed
/// by the real local host and read back through its API: the published rank is recomputed from the proofs it lists,
/// and those proofs are the chain's own records.
/// </summary>
[Collection(RankChainGroup.Name)]
public sealed class RankChainTests(RankChainFixture f, Xunit.Abstractions.ITestOutputHelper output)
{
    private string VidPath => $"api/ranks/{f.Scenario.Vid.ToString(CultureInfo.InvariantCulture)}";

    [Fact]
    public async Task Rank_RecomputedIndependentlyFromItsProofs_EqualsThePublishedRank()
    {
        var detail = await f.GetJsonAsync(VidPath);
        output.WriteLine(detail.ToString());

        var recomputed = IndependentRank.FromJson(detail);

        Assert.Equal(IndependentRank.Published(detail), recomputed);
        // The mix the scenario made: 5 of 8 verified, downtime both closed by a verified proof and open at the end.
        Assert.Equal((5, 3, 6_250L), (recomputed.Verified, recomputed.Missed, recomputed.SuccessBps));
        Assert.InRange(recomputed.UptimeBps, 1, 9_999);
        Assert.True(recomputed.Score > 0 && recomputed.Score < recomputed.HashRate, $"score {recomputed.Score}, hash rate {recomputed.HashRate}");
    }

    [Fact]
    public async Task RankProofs_AreTheChainsRecordsOfEachChallenge()
    {
        var proofs = (await f.GetJsonAsync(VidPath)).GetProperty("proofs").EnumerateArray().ToDictionary(p => p.GetProperty("challengeId").GetString()!);

        Assert.Equal(f.Scenario.Proofs.Count, proofs.Count);
        foreach (var (id, finishedIn) in f.Scenario.Proofs)
        {
            var json = proofs[id.ToString(CultureInfo.InvariantCulture)];
            var chain = await f.Chain.ChallengeAsync(id);
            var verified = chain.Status == ChallengeInfo.Verified;
            Assert.Equal(verified ? "verified" : "expired", json.GetProperty("status").GetString());
            Assert.Equal(((long)chain.IssuedAt, (long)chain.Deadline - chain.DeadlineSeconds), (json.GetProperty("issuedAt").GetInt64(), json.GetProperty("issuedAt").GetInt64()));
            Assert.Equal(await BlockTimeAsync(finishedIn), json.GetProperty("finishedAt").GetInt64());
            Assert.Equal((long)finishedIn, json.GetProperty("source").GetProperty("block").GetInt64());
            Assert.Equal(verified ? ((BigInteger)chain.Shares << chain.Difficulty).ToString(CultureInfo.InvariantCulture) : "0", json.GetProperty("work").GetString());
            Assert.Equal((long)chain.ElapsedMs, json.GetProperty("elapsedMs").GetInt64());
        }
    }

    [Fact]
    public async Task PublishedRank_IsTheFormulaOverTheChainsRecords()
    {
        var inputs = new List<RankedProof>();
        foreach (var (id, finishedIn) in f.Scenario.Proofs)
        {
            var c = await f.Chain.ChallengeAsync(id);
            var verified = c.Status == ChallengeInfo.Verified;
            inputs.Add(new RankedProof(id, verified ? ProofOutcome.Verified : ProofOutcome.Missed, (long)c.IssuedAt, await BlockTimeAsync(finishedIn),
                verified ? (BigInteger)c.Shares << c.Difficulty : 0, (long)c.ElapsedMs));
        }

        var expected = RankFormula.Compute(inputs)!;
        var published = IndependentRank.Published(await f.GetJsonAsync(VidPath));

        Assert.Equal(
            new IndependentRank.Result(expected.HashRate, expected.SuccessBps, expected.UptimeBps, expected.Score, expected.Verified, expected.Missed, expected.From, expected.To, expected.DowntimeSeconds),
            published);
    }

    [Fact]
    public async Task RankBoard_OfItsComputeType_ListsTheVidAtItsScore()
    {
        var rank = (await f.GetJsonAsync(VidPath)).GetProperty("rank");
        var vid = f.Scenario.Vid.ToString(CultureInfo.InvariantCulture);

        foreach (var board in new[] { "api/ranks?computeType=1", "api/ranks" })
        {
            var entry = Assert.Single((await f.GetJsonAsync(board)).GetProperty("items").EnumerateArray(), r => r.GetProperty("vid").GetString() == vid);
            Assert.Equal(rank.GetProperty("score").GetString(), entry.GetProperty("score").GetString());
            Assert.Equal(1, entry.GetProperty("computeType").GetInt64());
        }

        Assert.Empty((await f.GetJsonAsync("api/ranks?computeType=2")).GetProperty("items").EnumerateArray());
    }

    private async Task<long> BlockTimeAsync(BigInteger block)
    {
        var web3 = new Web3(ChainRpc.CreateClient(f.RpcUrl));
        return (long)(await web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new HexBigInteger(block))).Timestamp.Value;
    }
}
