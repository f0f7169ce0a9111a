using static PowerVerse.GpuAgent.Tests.Agent.AgentAssertions;

namespace PowerVerse.GpuAgent.Tests.Agent;

/// <summary>DESIGN §3: the agent stops solving at the deadline and drops the challenge, so the queue behind it moves on.</summary>
public sealed class AgentDeadlineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Run_DeadlinePassesMidSolve_DropsTheChallengeAndAnswersTheNext()
    {
        await using var harness = await AgentHarness.CreateAsync();
        var agent = harness.Start(visibilitySeconds: 4);
        await agent.WaitForLineAsync("info  started", Patience);
        // Far enough ahead that a loaded machine's agent still picks it up before the deadline, and solving starts.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        await harness.Challenges.SendMessageAsync(AgentHarness.Challenge("7001", RandomBytes(32), difficulty: 64, shares: 1, deadline: Iso(deadline)).ToJsonString());
        await agent.WaitForLineAsync("info  challenge challenge=7001", Patience);
        var seed = RandomBytes(32);
        await harness.Challenges.SendMessageAsync(AgentHarness.Challenge("7002", seed, difficulty: 8, shares: 2).ToJsonString());

        var result = await AgentHarness.PeekForAsync(harness.Results, m => IsResultOf(m, "7002", harness.Address), Patience);

        var dropped = await agent.WaitForLineAsync("warn  dropped challenge=7001", Patience);
        Assert.Contains("the deadline passed while solving", dropped, StringComparison.Ordinal);
        Assert.Equal(harness.Address, RecoverProofSigner(result, seed));
        Assert.DoesNotContain(await AgentHarness.PeekTextsAsync(harness.Results), t => t.Contains("\"7001\"", StringComparison.Ordinal));
        Assert.Empty(await AgentHarness.PeekTextsAsync(harness.Poison));
        Assert.Empty(await AgentHarness.PeekTextsAsync(harness.Challenges));
        Assert.True(agent.Output.IndexOf("warn  dropped challenge=7001", StringComparison.Ordinal) < agent.Output.IndexOf("info  result challenge=7002", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ChallengeAlreadyPastItsDeadline_IsDroppedWithoutSolving()
    {
        await using var harness = await AgentHarness.CreateAsync();
        var agent = harness.Start();
        await harness.Challenges.SendMessageAsync(AgentHarness.Challenge("7101", RandomBytes(32), difficulty: 8, shares: 2, deadline: "2026-01-01T00:05:00Z").ToJsonString());
        var seed = RandomBytes(32);
        await harness.Challenges.SendMessageAsync(AgentHarness.Challenge("7102", seed, difficulty: 8, shares: 2).ToJsonString());

        var result = await AgentHarness.PeekForAsync(harness.Results, m => IsResultOf(m, "7102", harness.Address), Patience);

        var dropped = await agent.WaitForLineAsync("warn  dropped challenge=7101", Patience);
        Assert.Contains("the deadline passed before solving started", dropped, StringComparison.Ordinal);
        Assert.DoesNotContain("info  challenge challenge=7101", agent.Output, StringComparison.Ordinal);
        Assert.Equal(harness.Address, RecoverProofSigner(result, seed));
        Assert.DoesNotContain(await AgentHarness.PeekTextsAsync(harness.Results), t => t.Contains("\"7101\"", StringComparison.Ordinal));
        Assert.Empty(await AgentHarness.PeekTextsAsync(harness.Challenges));
    }
}
