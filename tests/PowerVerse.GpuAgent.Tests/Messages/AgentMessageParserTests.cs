using PowerVerse.GpuAgent.Messages;

namespace PowerVerse.GpuAgent.Tests.Messages;

public sealed class AgentMessageParserTests
{
    private const string Valid = """
        {"version":1,"type":"challenge","challengeId":"115792089237316195423570985008687907853269984665640564039457584007913129639935","vid":"7",
         "kind":"keccak-shares","seed":"0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f","difficulty":20,"shares":16,
         "issuedAt":"2026-11-20T10:00:00Z","deadline":"2026-11-20T10:05:00Z","chainId":31337,
         "proofContract":"0x5FbDB2315678afecb367f032d93F642f64180aa3","extra":{"nested":true}}
        """;

    [Fact]
    public void Parse_ValidChallengeWithUnknownFields_ReadsEveryField()
    {
        var challenge = Assert.IsType<ChallengeMessage>(AgentMessageParser.Parse(Valid));

        Assert.Equal(System.Numerics.BigInteger.Pow(2, 256) - 1, challenge.ChallengeId);
        Assert.Equal(7, (int)challenge.Vid);
        Assert.Equal(32, challenge.Seed.Length);
        Assert.Equal(31, challenge.Seed[31]);
        Assert.Equal((20, 16), (challenge.Difficulty, challenge.Shares));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 5, 0, TimeSpan.Zero), challenge.Deadline);
        Assert.Equal(31337, (int)challenge.ChainId);
        Assert.Null(challenge.Agent);
    }

    [Theory]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"type\":\"challenge\"}", "'version' must be 1")]
    [InlineData("{\"version\":1.0,\"type\":\"challenge\"}", "'version' must be 1")]
    [InlineData("{\"version\":1,\"type\":\"reboot\"}", "unknown type 'reboot'")]
    [InlineData("{oops", "not JSON")]
    public void Parse_BadEnvelope_Throws(string text, string reason)
    {
        var error = Assert.Throws<MalformedMessageException>(() => AgentMessageParser.Parse(text));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"seed\":\"0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\"", "\"seed\":\"0x0001\"", "'seed' must be 32 bytes")]
    [InlineData("\"difficulty\":20", "\"difficulty\":257", "'difficulty'")]
    [InlineData("\"shares\":16", "\"shares\":0", "'shares'")]
    [InlineData("\"vid\":\"7\"", "\"vid\":7", "'vid' must be a string")]
    [InlineData("\"vid\":\"7\"", "\"vid\":\"-7\"", "'vid' must be a decimal uint256")]
    [InlineData("\"kind\":\"keccak-shares\"", "\"kind\":\"gemm\"", "unsupported challenge kind")]
    [InlineData("\"deadline\":\"2026-11-20T10:05:00Z\"", "\"deadline\":\"soon\"", "'deadline'")]
    [InlineData("\"proofContract\":\"0x5FbDB2315678afecb367f032d93F642f64180aa3\"", "\"proofContract\":\"0x5F\"", "'proofContract' is not an address")]
    public void Parse_BadChallengeField_ThrowsNamingIt(string field, string replacement, string reason)
    {
        var error = Assert.Throws<MalformedMessageException>(() => AgentMessageParser.Parse(Valid.Replace(field, replacement, StringComparison.Ordinal)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Grant_ReadsUnixExpiryAndOptionalSshKey()
    {
        var grant = Assert.IsType<GrantMessage>(AgentMessageParser.Parse(
            """{"version":1,"type":"grant","uid":"9","vid":"7","user":"0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b","expires":1800000000}"""));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1800000000), grant.Expires);
        Assert.Null(grant.SshPublicKey);
    }
}
