using System.Text.Json.Nodes;
using Nethereum.Signer;
using PowerVerse.Domain.Tests.Support;
using PowerVerse.GpuAgent.Tests.Support;
using static PowerVerse.GpuAgent.Tests.Agent.AgentAssertions;

namespace PowerVerse.GpuAgent.Tests.Agent;

/// <summary>Grants and heartbeats on <c>agent-events</c>, their EIP-191 signatures checked over an independent RFC 8785 encoding.</summary>
public sealed class AgentEventsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Run_GrantForNonAsciiSshUser_AnswersGrantAppliedSignedOverItsJcsBytes()
    {
        var jcs = await JcsReference.Shared;
        await using var harness = await AgentHarness.CreateAsync();
        var agent = harness.Start(sshUser: "ops+gpü");
        var user = EthECKey.GenerateKey().GetPublicAddress();
        var expires = DateTimeOffset.UtcNow.AddHours(1);
        var grant = new JsonObject
        {
            ["version"] = 1, ["type"] = "grant", ["uid"] = "55", ["vid"] = "7", ["user"] = user,
            ["expires"] = Iso(expires), ["sshPublicKey"] = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITest user@example",
        };
        await harness.Challenges.SendMessageAsync(grant.ToJsonString());

        var applied = await AgentHarness.PeekForAsync(harness.Events, m => (string?)m["type"] == "grant-applied" && (string?)m["agent"] == harness.Address, Patience);
        var heartbeat = await AgentHarness.PeekForAsync(harness.Events, m => (string?)m["type"] == "heartbeat" && (string?)m["agent"] == harness.Address, Patience);

        Assert.Equal("55", (string?)applied["uid"]);
        Assert.Equal("ops+gpü", (string?)applied["endpoint"]!["user"]);
        Assert.Equal(harness.Address, RecoverJsonSigner(await jcs.CanonicalizeAsync(Unsigned(applied)), applied));
        Assert.Equal(harness.Address, RecoverJsonSigner(await jcs.CanonicalizeAsync(Unsigned(heartbeat)), heartbeat));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", (string?)heartbeat["at"]);
        await agent.WaitForLineAsync("info  grant-applied uid=55", Patience);
        var grants = JsonNode.Parse(await File.ReadAllTextAsync(harness.GrantsPath))!.AsArray();
        var entry = Assert.Single(grants);
        Assert.Equal(user.ToLowerInvariant(), (string?)entry!["user"]);
        Assert.StartsWith("ssh-ed25519 ", (string?)entry["sshPublicKey"], StringComparison.Ordinal);
        Assert.Equal(Iso(expires), (string?)entry["expires"]);
        Assert.Empty(await AgentHarness.PeekTextsAsync(harness.Challenges));
    }
}
