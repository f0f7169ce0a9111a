using Nethereum.Signer;
using static PowerVerse.GpuAgent.Tests.Agent.AgentAssertions;
using PowerVerse.Domain.Json;

namespace PowerVerse.GpuAgent.Tests.Agent;

/// <summary>DESIGN §3: anything but a well-formed version-1 message for this agent goes to <c>&lt;queue&gt;-poison</c> with a log line.</summary>
public sealed class AgentPoisonTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Run_MalformedAndForeignMessages_GoToPoisonWithALogLineAndTheAgentKeepsRunning()
    {
        await using var harness = await AgentHarness.CreateAsync();
        var agent = harness.Start();
        var otherAgent = AgentHarness.Challenge("3001", RandomBytes(32), 4, 1);
        otherAgent["agent"] = EthECKey.GenerateKey().GetPublicAddress().ToLowerInvariant();
        var otherChain = AgentHarness.Challenge("3002", RandomBytes(32), 4, 1);
        otherChain["chainId"] = 1;
        var versionTwo = AgentHarness.Challenge("3003", RandomBytes(32), 4, 1);
        versionTwo["version"] = 2;
        var badSeed = AgentHarness.Challenge("3004", RandomBytes(32), 4, 1);
        badSeed["seed"] = "0x1234";
        string[] bad = ["this is not json", otherAgent.ToJsonString(), otherChain.ToJsonString(), versionTwo.ToJsonString(), badSeed.ToJsonString()];

        await SendThenSolveAsync(harness, bad, "3005");

        Assert.Equal(bad.Length, agent.Output.Split('\n').Count(l => l.Contains("warn  poison", StringComparison.Ordinal)));
        Assert.Contains("reason=\"foreign: challenge for agent", agent.Output, StringComparison.Ordinal);
        Assert.Contains("reason=\"malformed: 'version' must be 1\"", agent.Output, StringComparison.Ordinal);
        Assert.False(agent.HasExited);
    }

    // DESIGN §3: times are ISO 8601 UTC with Z; any other form is malformed. One message per refused form.
    [Fact]
    public async Task Run_TimesNotIsoUtcWithZ_GoToPoisonOneLogLineEach()
    {
        await using var harness = await AgentHarness.CreateAsync();
        var agent = harness.Start();
        var unixSeconds = AgentHarness.Challenge("6001", RandomBytes(32), 4, 1);
        unixSeconds["deadline"] = 4070908800;
        var rfc1123 = AgentHarness.Challenge("6002", RandomBytes(32), 4, 1);
        rfc1123["deadline"] = "Sun, 29 Nov 2099 01:00:00 GMT";
        var offset = AgentHarness.Challenge("6003", RandomBytes(32), 4, 1);
        offset["issuedAt"] = "2026-11-29T01:00:00+00:00";
        var locale = AgentHarness.Challenge("6004", RandomBytes(32), 4, 1);
        locale["deadline"] = "11/29/2099 01:00:00";
        var grantUnix = $$"""{"version":1,"type":"grant","uid":"61","vid":"7","user":"{{harness.Address}}","expires":4070908800}""";
        string[] bad = [unixSeconds.ToJsonString(), rfc1123.ToJsonString(), offset.ToJsonString(), locale.ToJsonString(), grantUnix];

        await SendThenSolveAsync(harness, bad, "6005");

        var lines = agent.Output.Split('\n').Where(l => l.Contains("warn  poison", StringComparison.Ordinal)).ToList();
        Assert.Equal(bad.Length, lines.Count);
        Assert.Equal(4, lines.Count(l => l.Contains("reason=\"malformed: 'deadline' must be an ISO 8601 UTC time", StringComparison.Ordinal)
            || l.Contains("reason=\"malformed: 'issuedAt' must be an ISO 8601 UTC time", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.Contains("reason=\"malformed: 'expires' must be an ISO 8601 UTC time", StringComparison.Ordinal));
    }

    /// <summary>Sends the bad messages then a good challenge; waits for its result and for every bad one in poison, unchanged.</summary>
    private static async Task SendThenSolveAsync(AgentHarness harness, string[] bad, string goodId)
    {
        foreach (var text in bad)
        {
            await harness.Challenges.SendMessageAsync(text);
        }

        await harness.Challenges.SendMessageAsync(AgentHarness.Challenge(goodId, RandomBytes(32), 8, 2).ToJsonString());

        await AgentHarness.PeekForAsync(harness.Results, m => IsResultOf(m, goodId, harness.Address), Patience);
        await WaitUntilAsync(async () => (await AgentHarness.PeekTextsAsync(harness.Poison)).Length == bad.Length, TimeSpan.FromSeconds(30));
        Assert.Equal(bad.Order(), (await AgentHarness.PeekTextsAsync(harness.Poison)).Order());
        Assert.Empty(await AgentHarness.PeekTextsAsync(harness.Challenges));
    }
}
