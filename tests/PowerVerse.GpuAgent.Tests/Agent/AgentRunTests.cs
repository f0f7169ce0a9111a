using static PowerVerse.GpuAgent.Tests.Agent.AgentAssertions;

namespace PowerVerse.GpuAgent.Tests.Agent;

/// <summary>The real agent process against a real Azurite: results, crashes, SIGTERM and the SAS-only setup.</summary>
public sealed class AgentRunTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Run_ChallengeOnQueue_PostsAResultSignedByTheAgentWithValidNonces()
    {
        await using var harness = await AgentHarness.CreateAsync();
        var seed = RandomBytes(32);
        var agent = harness.Start(threads: 2);
        await harness.Challenges.SendMessageAsync(AgentHarness.Challenge("1001", seed, difficulty: 12, shares: 4).ToJsonString());

        var result = await AgentHarness.PeekForAsync(harness.Results, m => IsResultOf(m, "1001", harness.Address), Patience);

        Assert.Equal("result", (string?)result["type"]);
        Assert.Equal("cpu", (string?)result["backend"]);
        Assert.Contains("x2 threads", (string?)result["device"], StringComparison.Ordinal);
        var nonces = result["nonces"]!.AsArray().Select(n => Convert.ToUInt64((string)n!, 16)).ToList();
        Assert.Equal(4, nonces.Count);
        Assert.Equal(nonces.Order().Distinct(), nonces);
        Assert.All(nonces, n => Assert.True(LeadingZeroBitsOfProofHash(seed, harness.Address, n) >= 12));
        Assert.Equal(harness.Address, RecoverProofSigner(result, seed));
        await agent.WaitForLineAsync("info  result challenge=1001", Patience);
        Assert.Empty(await AgentHarness.PeekTextsAsync(harness.Challenges));
    }

    [Fact]
    public async Task Run_AgentKilledMidSolve_ChallengeReappearsAndTheNextRunSolvesIt()
    {
        await using var harness = await AgentHarness.CreateAsync();
        var seed = RandomBytes(32);
        var first = harness.Start(visibilitySeconds: 3, threads: 1);
        await harness.Challenges.SendMessageAsync(AgentHarness.Challenge("2002", seed, difficulty: 22, shares: 8).ToJsonString());
        await first.WaitForLineAsync("info  challenge challenge=2002", Patience);

        await first.KillAsync();
        Assert.Empty(await AgentHarness.PeekTextsAsync(harness.Challenges));
        await WaitUntilAsync(async () => (await AgentHarness.PeekTextsAsync(harness.Challenges)).Length == 1, TimeSpan.FromSeconds(30));

        var second = harness.Start(visibilitySeconds: 3);
        var result = await AgentHarness.PeekForAsync(harness.Results, m => IsResultOf(m, "2002", harness.Address), TimeSpan.FromMinutes(4));
        Assert.Equal(harness.Address, RecoverProofSigner(result, seed));
        Assert.Equal(8, result["nonces"]!.AsArray().Count);
        await second.WaitForLineAsync("info  result challenge=2002", Patience);
    }

    [Fact]
    public async Task Run_WithSasUrlsOnly_SolvesAndPoisonsThroughEachQueuesOwnSignature()
    {
        await using var harness = await AgentHarness.CreateAsync();
        var agent = harness.Start(sasOnly: true);
        await harness.Challenges.SendMessageAsync("{\"version\":1}");
        var seed = RandomBytes(32);
        await harness.Challenges.SendMessageAsync(AgentHarness.Challenge("5005", seed, 8, 2).ToJsonString());

        var result = await AgentHarness.PeekForAsync(harness.Results, m => IsResultOf(m, "5005", harness.Address), Patience);

        Assert.Equal(harness.Address, RecoverProofSigner(result, seed));
        await WaitUntilAsync(async () => (await AgentHarness.PeekTextsAsync(harness.Poison)).Length == 1, TimeSpan.FromSeconds(30));
        Assert.Contains("warn  poison", agent.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("poison-failed", agent.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Sigterm_ExitsZeroAndTheUnfinishedChallengeIsVisibleAgainAtOnce()
    {
        await using var harness = await AgentHarness.CreateAsync();
        var agent = harness.Start(visibilitySeconds: 120);
        await harness.Challenges.SendMessageAsync(AgentHarness.Challenge("4004", RandomBytes(32), difficulty: 64, shares: 1).ToJsonString());
        await agent.WaitForLineAsync("info  challenge challenge=4004", Patience);

        await AgentHarness.SendSigtermAsync(agent);

        Assert.Equal(0, await agent.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("info  released challenge=4004", agent.Output, StringComparison.Ordinal);
        var visible = await AgentHarness.PeekTextsAsync(harness.Challenges);
        Assert.Single(visible);
        Assert.Contains("\"4004\"", visible[0], StringComparison.Ordinal);
    }
}
