using System.Globalization;
using System.Numerics;
using System.Text.Json;
using PowerVerse.Chain.Contracts;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Workflows.Tests.Proofs;

/// <summary>
/// Seed 000's proofs with the real gpu-agent: every purchase ends with the resource's first proof (scenarios 1 and 2),
/// and a buyer proves at any moment that the compute it rents is real (scenario 3, 验证算力): requested through the
/// API, solved by the agent, verified off chain and on chain, and visible in the proof and the VID's rank.
/// </summary>
[Collection(ProofStackTests.Name)]
public sealed class ScenarioProofTests(LocalStack stack, ITestOutputHelper output)
{
    [Fact]
    public async Task Scenario3_BuyerRequestsAProof_VerifiedOnChainAndRankChanges()
    {
        var steps = new ProofSteps(stack, output);
        var (provider, buyer) = (new Wallet(stack, 4), new Wallet(stack, 5));

        // Scenario 1 up to the sale: the purchase's workflow ends with the first proof, the platform's, verified.
        var (vid, first) = await RentAsync(provider, buyer);
        Assert.True(ApiJson.SameAddress(ProofSteps.Challenger, (await steps.ChallengeAsync(first)).Requester));
        var rankBefore = (await stack.Api.GetAsync($"/api/ranks/{vid}")).Json;
        Assert.Equal(first.ToString(CultureInfo.InvariantCulture), Assert.Single(rankBefore.GetProperty("proofs").EnumerateArray()).Text("challengeId"));

        // Scenario 3: the buyer, the UID's user, asks for a proof through the API.
        var request = await buyer.Writes.RequestProofAsync(vid);
        var id = await steps.PostAsync(request);
        var run = await steps.CompletedAsync(id);
        Assert.Equal("RequestProof", run.Workflow.Name);
        Assert.Equal("verified", run.Outcome);
        Assert.Empty(run.Refused);
        var challengeId = run.ChallengeId;
        var proof = run.Output!.Value;
        Assert.All(["requestTransaction", "dispatchTransaction", "submitTransaction"], tx => Assert.StartsWith("0x", proof.Text(tx), StringComparison.Ordinal));
        Assert.Null(proof.Text("slash"));

        // On chain: requested by the buyer, dispatched to the HID's agent, verified with the elapsed time the platform
        // observed and the work of its shares.
        var challenge = await steps.ChallengeAsync(challengeId);
        Assert.Equal(ChallengeInfo.Verified, challenge.Status);
        Assert.True(ApiJson.SameAddress(buyer.Address, challenge.Requester));
        Assert.True(ApiJson.SameAddress(stack.Agent.Address, challenge.Agent));
        Assert.Equal(vid, challenge.Vid);
        var verified = Assert.Single(await steps.EventsAsync("ProofOfCompute", "ProofVerified", challengeId));
        Assert.Equal(new BigInteger(challenge.Shares) << challenge.Difficulty, verified.Number("work"));
        Assert.Equal(verified.Number("work"), proof.Number("work"));
        Assert.Equal(challenge.ElapsedMs, ulong.Parse(proof.Text("elapsedMs")!, CultureInfo.InvariantCulture));
        Assert.True(challenge.ElapsedMs >= 1);

        // In the API: the proof, and the rank it now counts in (its formula is the rank's own business, not this test's).
        var shown = (await stack.Api.GetAsync($"/api/proofs/{challengeId}")).Json;
        Assert.Equal("verified", shown.Text("status"));
        Assert.Equal(vid, shown.Number("vid"));
        Assert.Equal(verified.Number("work"), shown.Number("work"));
        Assert.Equal(challenge.ElapsedMs, ulong.Parse(shown.Text("elapsedMs")!, CultureInfo.InvariantCulture));
        var rank = (await stack.Api.GetAsync($"/api/ranks/{vid}")).Json;
        var proofs = rank.GetProperty("proofs").EnumerateArray().Select(p => p.Text("challengeId")).ToList();
        Assert.Equal(2, proofs.Count);
        Assert.Contains(challengeId.ToString(CultureInfo.InvariantCulture), proofs);
        Assert.NotEqual(rankBefore.GetProperty("rank").GetRawText(), rank.GetProperty("rank").GetRawText());

        // The same signed request again is the same workflow, not a second challenge.
        var again = await stack.Api.PostAsync(request);
        Assert.Equal((202, id), (again.Status, again.Id));
        Assert.Equal(challengeId, await LastChallengeAsync());

        // Another request inside the DAO's cooldown is refused before anything starts, with the contract's reason.
        var early = await stack.Api.PostAsync(await buyer.Writes.RequestProofAsync(vid));
        Assert.Equal(422, early.Status);
        Assert.Equal("ProofOfComputeCooldown", early.Problem?.Error);
        Assert.Equal(challengeId, await LastChallengeAsync());
    }

    [Fact]
    public async Task Scenario2_ReissuedUsageRightSold_ItsPurchaseEndsWithAVerifiedProof()
    {
        var steps = new ProofSteps(stack, output);
        var writes = new WriteRunner(stack, output);
        var market = new MarketSteps(stack, writes);
        var (provider, first, second) = (new Wallet(stack, 6), new Wallet(stack, 7), new Wallet(stack, 8));
        var (vid, _) = await RentAsync(provider, first, duration: 600);

        // The rental ends; the provider finds its VID free again, issues a new usage right on it, lists and sells it.
        await stack.Clock.AdvanceAsync(601);
        Assert.Equal(BigInteger.Zero, await steps.Chain.LiveUidOfAsync(vid));
        var reissued = await market.CreateUsageRightAsync(provider, vid, 3_600);
        await writes.CompleteAsync(await provider.Writes.ListAsync(reissued, market.Token("TestStablecoin"), 120 * MarketSteps.Usd));
        var bought = await market.BuyAsync(second, reissued, "TestStablecoin", 120 * MarketSteps.Usd);

        var proof = bought.Proof ?? throw new Xunit.Sdk.XunitException($"The purchase's output has no proof: {bought}");
        Assert.Equal("verified", proof.Text("outcome"));
        var challengeId = proof.Number("challengeId");
        var challenge = await steps.ChallengeAsync(challengeId);
        Assert.Equal((vid, ChallengeInfo.Verified), (challenge.Vid, challenge.Status));
        Assert.Equal("verified", (await stack.Api.GetAsync($"/api/proofs/{challengeId}")).Json.Text("status"));
        Assert.Equal(2, (await stack.Api.GetAsync($"/api/ranks/{vid}")).Json.GetProperty("proofs").GetArrayLength());
    }

    /// <summary>Scenario 1 through the API with the real agent's hardware; returns the VID and its purchase's (verified) first proof.</summary>
    private async Task<(BigInteger Vid, BigInteger Challenge)> RentAsync(Wallet provider, Wallet buyer, uint duration = 3_600)
    {
        var writes = new WriteRunner(stack, output);
        var market = new MarketSteps(stack, writes);
        var hid = await market.RegisterStakedHardwareAsync(provider);
        var vid = await market.CreateResourceAsync(provider, hid);
        var uid = await market.CreateUsageRightAsync(provider, vid, duration);
        await writes.CompleteAsync(await provider.Writes.ListWithRevenueRightsAsync(uid, market.Token("TestStablecoin"), 120 * MarketSteps.Usd, [(provider.Address, 1_000)]));
        var bought = await market.BuyAsync(buyer, uid, "TestStablecoin", 120 * MarketSteps.Usd);
        var proof = bought.Proof ?? throw new Xunit.Sdk.XunitException($"The purchase's output has no proof: {bought}");
        Assert.Equal("verified", proof.Text("outcome"));
        Assert.Equal(0, proof.GetProperty("refused").GetArrayLength());
        Assert.Equal(vid, proof.Number("vid"));
        return (vid, proof.Number("challengeId"));
    }

    private Task<BigInteger> LastChallengeAsync() => new ProofSteps(stack, output).ChallengeCountAsync();
}
