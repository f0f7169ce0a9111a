using System.Globalization;
using System.Text.Json.Nodes;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Signing;
using PowerVerse.GpuAgent.Signing;
using PowerVerse.Storage.Queues;
using PowerVerse.Testing;

namespace PowerVerse.GpuAgent.Tests.Agent;

/// <summary>The real agent process against a real Azurite: results, crashes, poison, SIGTERM, grants and heartbeats.</summary>
public sealed class AgentRunTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Run_ChallengeOnQueue_PostsAResultSignedByTheAgentWithValidNonces()
    {
        await using var harness = await AgentHarness.CreateAsync();
        var seed = RandomBytes(32);
        var agent = harness.Start();
        await harness.Challenges.SendMessageAsync(AgentHarness.Challenge("1001", seed, difficulty: 12, shares: 4).ToJsonString());

        var result = await AgentHarness.PeekForAsync(harness.Results, m => IsResultOf(m, "1001", harness.Key.Address), Patience);

        Assert.Equal("result", (string?)result["type"]);
        Assert.Equal("cpu", (string?)result["backend"]);
        var nonces = result["nonces"]!.AsArray().Select(n => Convert.ToUInt64((string)n!, 16)).ToList();
        Assert.Equal(4, nonces.Count);
        Assert.Equal(nonces.Order().Distinct(), nonces);
        Assert.All(nonces, n => Assert.True(LeadingZeroBits(ProofHash(seed, harness.Key.Address, n)) >= 12));
        Assert.Equal(harness.Key.Address, RecoverProofSigner(result, seed));
        await agent.WaitForLineAsync("info  result challenge=1001", Patience);
        Assert.Empty((await harness.Challenges.PeekMessagesAsync(32)).Value);
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
        Assert.Empty((await harness.Challenges.PeekMessagesAsync(32)).Value);
        await WaitUntilAsync(async () => (await harness.Challenges.PeekMessagesAsync(32)).Value.Length == 1, TimeSpan.FromSeconds(30));

        var second = harness.Start(visibilitySeconds: 3);
        var result = await AgentHarness.PeekForAsync(harness.Results, m => IsResultOf(m, "2002", harness.Key.Address), TimeSpan.FromMinutes(4));
        Assert.Equal(harness.Key.Address, RecoverProofSigner(result, seed));
        Assert.Equal(8, result["nonces"]!.AsArray().Count);
        await second.WaitForLineAsync("info  result challenge=2002", Patience);
    }

    [Fact]
    public async Task Run_MalformedAndForeignMessages_GoToPoisonWithALogLineAndTheAgentKeepsRunning()
    {
        await using var harness = await AgentHarness.CreateAsync();
        var agent = harness.Start();
        var otherAgent = AgentHarness.Challenge("3001", RandomBytes(32), 4, 1);
        otherAgent["agent"] = EthereumKey.Generate().Address.ToLowerHex();
        var otherChain = AgentHarness.Challenge("3002", RandomBytes(32), 4, 1);
        otherChain["chainId"] = 1;
        var versionTwo = AgentHarness.Challenge("3003", RandomBytes(32), 4, 1);
        versionTwo["version"] = 2;
        var badSeed = AgentHarness.Challenge("3004", RandomBytes(32), 4, 1);
        badSeed["seed"] = "0x1234";
        string[] bad = ["this is not json", otherAgent.ToJsonString(), otherChain.ToJsonString(), versionTwo.ToJsonString(), badSeed.ToJsonString()];
        foreach (var text in bad)
        {
            await harness.Challenges.SendMessageAsync(text);
        }

        var seed = RandomBytes(32);
        await harness.Challenges.SendMessageAsync(AgentHarness.Challenge("3005", seed, 8, 2).ToJsonString());

        await AgentHarness.PeekForAsync(harness.Results, m => IsResultOf(m, "3005", harness.Key.Address), Patience);
        var poison = harness.Challenges.GetPoisonQueueClient();
        await WaitUntilAsync(async () => (await poison.PeekMessagesAsync(32)).Value.Length == bad.Length, TimeSpan.FromSeconds(30));
        Assert.Equal(bad.Order(), (await poison.PeekMessagesAsync(32)).Value.Select(m => m.MessageText).Order());
        Assert.Equal(bad.Length, agent.Output.Split('\n').Count(l => l.Contains("warn  poison", StringComparison.Ordinal)));
        Assert.Contains("reason=\"foreign: challenge for agent", agent.Output, StringComparison.Ordinal);
        Assert.Contains("reason=\"malformed: 'version' must be 1\"", agent.Output, StringComparison.Ordinal);
        Assert.False(agent.HasExited);
    }

    [Fact]
    public async Task Run_WithSasUrlsOnly_SolvesAndPoisonsThroughEachQueuesOwnSignature()
    {
        await using var harness = await AgentHarness.CreateAsync();
        var agent = harness.Start(sasOnly: true);
        await harness.Challenges.SendMessageAsync("{\"version\":1}");
        var seed = RandomBytes(32);
        await harness.Challenges.SendMessageAsync(AgentHarness.Challenge("5005", seed, 8, 2).ToJsonString());

        var result = await AgentHarness.PeekForAsync(harness.Results, m => IsResultOf(m, "5005", harness.Key.Address), Patience);

        Assert.Equal(harness.Key.Address, RecoverProofSigner(result, seed));
        var poison = harness.Challenges.GetPoisonQueueClient();
        await WaitUntilAsync(async () => (await poison.PeekMessagesAsync(32)).Value.Length == 1, TimeSpan.FromSeconds(30));
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
        var visible = (await harness.Challenges.PeekMessagesAsync(32)).Value;
        Assert.Single(visible);
        Assert.Contains("\"4004\"", visible[0].MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_GrantAndHeartbeat_AreAnsweredOnAgentEventsSignedByTheAgent()
    {
        await using var harness = await AgentHarness.CreateAsync();
        var agent = harness.Start();
        var user = EthereumKey.Generate().Address;
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var grant = new JsonObject
        {
            ["version"] = 1, ["type"] = "grant", ["uid"] = "55", ["vid"] = "7", ["user"] = user.ToLowerHex(),
            ["expires"] = expires, ["sshPublicKey"] = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITest user@example",
        };
        await harness.Challenges.SendMessageAsync(grant.ToJsonString());

        var agentHex = harness.Key.Address.ToLowerHex();
        var applied = await AgentHarness.PeekForAsync(harness.Events, m => (string?)m["type"] == "grant-applied" && (string?)m["agent"] == agentHex, Patience);
        var heartbeat = await AgentHarness.PeekForAsync(harness.Events, m => (string?)m["type"] == "heartbeat" && (string?)m["agent"] == agentHex, Patience);

        Assert.Equal("55", (string?)applied["uid"]);
        Assert.Equal(harness.Key.Address, RecoverJsonSigner(applied));
        Assert.Equal(harness.Key.Address, RecoverJsonSigner(heartbeat));
        await agent.WaitForLineAsync("info  grant-applied uid=55", Patience);
        var grants = JsonNode.Parse(await File.ReadAllTextAsync(harness.GrantsPath))!.AsArray();
        var entry = Assert.Single(grants);
        Assert.Equal(user.ToLowerHex(), (string?)entry!["user"]);
        Assert.StartsWith("ssh-ed25519 ", (string?)entry["sshPublicKey"], StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(expires), DateTimeOffset.Parse((string)entry["expires"]!, CultureInfo.InvariantCulture));
    }

    private static bool IsResultOf(JsonObject message, string challengeId, Address agent) =>
        (string?)message["type"] == "result" && (string?)message["challengeId"] == challengeId && (string?)message["agent"] == agent.ToLowerHex();

    // The typed data written out as a wallet would send it to eth_signTypedData_v4 (DESIGN §2), not built by the agent's code.
    private static Address RecoverProofSigner(JsonObject result, byte[] seed)
    {
        var nonces = string.Join(",", result["nonces"]!.AsArray().Select(n => Convert.ToUInt64((string)n!, 16).ToString(CultureInfo.InvariantCulture)));
        var json = $$"""
            {
              "types": {
                "EIP712Domain": [ {"name":"name","type":"string"}, {"name":"version","type":"string"}, {"name":"chainId","type":"uint256"}, {"name":"verifyingContract","type":"address"} ],
                "ProofResult": [ {"name":"challengeId","type":"uint256"}, {"name":"vid","type":"uint256"}, {"name":"seed","type":"bytes32"}, {"name":"nonces","type":"uint64[]"}, {"name":"startedAt","type":"uint64"}, {"name":"finishedAt","type":"uint64"} ]
              },
              "primaryType": "ProofResult",
              "domain": { "name": "PowerVerse ProofOfCompute", "version": "1", "chainId": {{AgentHarness.ChainId}}, "verifyingContract": "{{AgentHarness.ProofContract}}" },
              "message": { "challengeId": "{{result["challengeId"]}}", "vid": "{{result["vid"]}}", "seed": "0x{{Convert.ToHexStringLower(seed)}}",
                           "nonces": [{{nonces}}], "startedAt": {{result["startedAt"]}}, "finishedAt": {{result["finishedAt"]}} }
            }
            """;
        return TypedDataSigner.RecoverSigner(TypedDataJson.Parse(json), Signature.Parse((string)result["signature"]!));
    }

    private static Address RecoverJsonSigner(JsonObject message) =>
        PersonalMessage.RecoverSigner(CanonicalJson.Serialize(message), Signature.Parse((string)message["signature"]!));

    private static byte[] ProofHash(byte[] seed, Address agent, ulong nonce)
    {
        var message = new byte[60];
        seed.CopyTo(message, 0);
        agent.ToBytes().CopyTo(message, 32);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(message.AsSpan(52), nonce);
        return Keccak256.Hash(message);
    }

    private static int LeadingZeroBits(byte[] digest) => Backends.Cpu.CpuKernelTests.LeadingZeroBits(digest);

    private static byte[] RandomBytes(int length) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(length);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The condition did not hold within {timeout}.");
            }

            await Task.Delay(250);
        }
    }
}
