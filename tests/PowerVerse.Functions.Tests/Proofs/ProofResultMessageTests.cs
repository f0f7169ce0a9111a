using System.Text.Json.Nodes;
using PowerVerse.Functions.Queues;

namespace PowerVerse.Functions.Tests.Proofs;

/// <summary>DESIGN §3's result message, read strictly: anything but a version-1 result of the documented form is malformed (poison).</summary>
public sealed class ProofResultMessageTests
{
    private static JsonObject Valid() => new()
    {
        ["version"] = 1,
        ["type"] = "result",
        ["challengeId"] = "12",
        ["vid"] = "3",
        ["agent"] = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
        ["nonces"] = new JsonArray("0x0000000000000001", "0xffffffffffffffff"),
        ["startedAt"] = 1_800_000_000,
        ["finishedAt"] = 1_800_000_002,
        ["hashes"] = 131_072,
        ["backend"] = "cpu",
        ["device"] = "cpu x8",
        ["signature"] = "0x" + new string('a', 130),
        ["unknown"] = "ignored",
    };

    [Fact]
    public void Read_AResult_ReadsEveryMember()
    {
        var result = ProofResultMessage.Read(Valid().ToJsonString());

        Assert.Equal(("12", "3", "cpu", "cpu x8"), (result.ChallengeId, result.Vid, result.Backend, result.Device));
        Assert.Equal([1UL, ulong.MaxValue], result.Nonces);
        Assert.Equal((1_800_000_000UL, 1_800_000_002UL, 131_072UL), (result.StartedAt, result.FinishedAt, result.Hashes));
    }

    public static TheoryData<string, JsonNode?> Malformed() => new()
    {
        { "version", 2 },
        { "type", "heartbeat" },
        { "challengeId", "012" },
        { "challengeId", 12 },
        { "vid", "-3" },
        { "agent", "0x1234" },
        { "nonces", new JsonArray("0x01") },
        { "nonces", new JsonArray(1) },
        { "nonces", "0x0000000000000001" },
        { "startedAt", -1 },
        { "finishedAt", "1800000002" },
        { "backend", "gpu" },
        { "device", null },
        { "signature", "0x" + new string('a', 128) },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Read_AMemberOutOfForm_IsMalformed(string member, JsonNode? value)
    {
        var message = Valid();
        message[member] = value;

        Assert.Throws<MalformedAgentMessageException>(() => ProofResultMessage.Read(message.ToJsonString()));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("")]
    public void Read_NotAJsonObject_IsMalformed(string text) =>
        Assert.Throws<MalformedAgentMessageException>(() => ProofResultMessage.Read(text));
}
