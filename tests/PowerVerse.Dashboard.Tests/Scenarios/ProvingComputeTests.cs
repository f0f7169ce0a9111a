using System.Numerics;
using Microsoft.Playwright;
using PowerVerse.Chain.Contracts;
using PowerVerse.Dashboard.Tests.Browser;
using PowerVerse.Dashboard.Tests.Stack;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Dashboard.Tests.Scenarios;

/// <summary>
/// Seed 000, scenario 3 (验证算力) in the browser: the buyer of a rented usage right asks for a proof on its page,
/// follows it to verified, and finds the proof, the resource's rank and the proofs it is computed from on their
/// screens, every figure equal to ProofOfCompute's record and the API's; a second request inside the DAO's cooldown
/// is refused in plain words and changes nothing.
/// </summary>
[Collection(DashboardTests.Name)]
public sealed class ProvingComputeTests(DashboardStack stack, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Scenario3_BuyerProvesNow_ProofRankAndRankProofsEqualTheChain_SecondRequestRefusedInPlainWords()
    {
        var arrange = new RevenueArrange(stack, output);
        var (provider, buyer) = (arrange.Account(4), arrange.Account(5));
        var (vid, uid) = await arrange.RentedAsync(provider, buyer, duration: 3_600);
        await using var session = await stack.OpenAsync(account: 5, scenario: "scenario3");

        // The buyer, the UID's user, proves the compute now from its usage right's page.
        await session.OpenConnectedAsync($"/usage-rights/{uid}", "usage-right");
        Assert.Equal("active", await session.Page.GetByTestId("usage-right-state").InnerTextAsync());
        await session.CheckScreenAsync("usage-right");
        var prove = session.Page.GetByTestId("prove");
        await prove.GetByRole(AriaRole.Button, new() { Name = "Prove now", Exact = true }).ClickAsync();
        await session.CompletedAsync($"Proving resource {vid}");
        Assert.Contains(session.Wallet.Requests, r => r.PrimaryType == "ForwardRequest");
        var outcome = prove.GetByTestId("prove-outcome");
        await outcome.WaitForAsync();
        Assert.Equal("verified", await outcome.GetByTestId("outcome-status").InnerTextAsync());
        var challengeId = await arrange.LastRequestAsync(vid, buyer.Address);
        Assert.Equal($"Proof {challengeId}", await outcome.GetByTestId("outcome-challenge").InnerTextAsync());
        var challenge = await arrange.ChallengeAsync(challengeId);
        Assert.Equal(ChallengeInfo.Verified, challenge.Status);
        Assert.True(ApiJson.SameAddress(buyer.Address, challenge.Requester));
        Assert.Equal(Work(challenge), await outcome.GetByTestId("outcome-work").ValueAsync());
        Assert.Equal(challenge.ElapsedMs, (ulong)await outcome.GetByTestId("outcome-elapsed").ValueAsync());
        await session.CheckScreenAsync("proved");

        // The proof's page: the chain's record, and the API's hash rate of it.
        var proof = await arrange.ApiAsync($"proofs/{challengeId}");
        await session.GotoAsync($"/proofs/{challengeId}");
        var shown = await session.WaitForTestIdAsync("proof");
        Assert.Equal("verified", await shown.GetByTestId("proof-status").InnerTextAsync());
        Assert.Equal($"VID {vid}", await shown.GetByTestId("proof-vid").GetByRole(AriaRole.Link).InnerTextAsync());
        Assert.Equal(Work(challenge), await shown.GetByTestId("proof-work").ValueAsync());
        Assert.Equal(challenge.ElapsedMs, (ulong)await shown.GetByTestId("proof-elapsed").ValueAsync());
        Assert.Equal(proof.Number("hashRate"), await shown.GetByTestId("proof-hashrate").ValueAsync());
        await session.CheckScreenAsync("proof");

        // The board and the resource's rank: the API's score, from exactly the proofs the chain recorded.
        var rank = await arrange.ApiAsync($"ranks/{vid}");
        await session.GotoAsync("/ranks");
        await session.WaitForTestIdAsync("ranks-ready");
        var board = (await arrange.ApiAsync("ranks")).GetProperty("items").EnumerateArray().Single(r => r.Number("vid") == vid);
        Assert.Equal(board.Number("score"), await session.Page.GetByTestId($"rank-{vid}").GetByTestId("score").ValueAsync());
        Assert.Equal(rank.GetProperty("rank").Number("score"), board.Number("score"));
        await session.CheckScreenAsync("ranks");

        await session.GotoAsync($"/ranks/{vid}");
        var detail = await session.WaitForTestIdAsync("rank");
        Assert.Equal(rank.GetProperty("rank").Number("score"), await detail.GetByTestId("rank-score").ValueAsync());
        Assert.Equal(rank.GetProperty("rank").Number("hashRate"), await detail.GetByTestId("rank-hashrate").ValueAsync());
        await AssertRankProofsAsync(arrange, session.Page.GetByTestId("rank-proofs"), rank, challengeId);
        await session.CheckScreenAsync("rank");

        // Again inside the DAO's cooldown: refused before anything is signed on chain, in plain words.
        await session.OpenConnectedAsync($"/usage-rights/{uid}", "usage-right");
        var signed = session.WalletCount("eth_signTypedData_v4");
        await prove.GetByRole(AriaRole.Button, new() { Name = "Prove now", Exact = true }).ClickAsync();
        var problem = prove.GetByTestId("problem");
        await problem.WaitForAsync();
        var words = await problem.InnerTextAsync();
        Assert.Contains("proof of compute: cooldown", words, StringComparison.Ordinal);
        Assert.DoesNotContain("ProofOfComputeCooldown", words, StringComparison.Ordinal);
        Assert.Equal(0, await prove.GetByTestId("workflow").CountAsync());
        Assert.Equal(signed + 1, session.WalletCount("eth_signTypedData_v4"));
        Assert.Equal(challengeId, await arrange.LastRequestAsync(vid, buyer.Address));
        Assert.Equal(rank.GetProperty("proofs").GetRawText(), (await arrange.ApiAsync($"ranks/{vid}")).GetProperty("proofs").GetRawText());
        await session.CheckScreenAsync("cooldown");
        Assert.Empty(session.ErrorsBesidesRefusals());
    }

    /// <summary>The rank's proof rows are the API's, each equal to its challenge on chain (status, work, elapsed) and rate = work·1000/elapsed.</summary>
    private static async Task AssertRankProofsAsync(RevenueArrange arrange, ILocator table, System.Text.Json.JsonElement rank, BigInteger challengeId)
    {
        var ids = rank.GetProperty("proofs").EnumerateArray().Select(p => p.Number("challengeId")).ToList();
        Assert.Contains(challengeId, ids);
        Assert.Equal(ids.Count, await table.Locator("tbody tr").CountAsync());
        foreach (var id in ids)
        {
            var row = table.GetByTestId($"proof-{id}");
            var challenge = await arrange.ChallengeAsync(id);
            Assert.Equal(challenge.Status == ChallengeInfo.Verified ? "verified" : "expired", await row.GetByTestId("proof-status").InnerTextAsync());
            var elapsed = await row.GetByTestId("proof-elapsed").ValueAsync();
            Assert.Equal(challenge.ElapsedMs, (ulong)elapsed);
            if (challenge.Status == ChallengeInfo.Verified)
            {
                Assert.Equal(Work(challenge), await row.GetByTestId("proof-work").ValueAsync());
                Assert.Equal(Work(challenge) * 1000 / elapsed, await row.GetByTestId("proof-rate").ValueAsync());
            }
        }
    }

    /// <summary>The work a verified challenge proved: shares · 2^difficulty.</summary>
    private static BigInteger Work(ChallengeInfo challenge) => new BigInteger(challenge.Shares) << challenge.Difficulty;
}
