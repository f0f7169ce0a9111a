using PowerVerse.GpuAgent.Messages;
using PowerVerse.Domain.Json;

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
    [InlineData("\"seed\":\"0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\"", "\"seed\":\"0x0g\"", "'seed' must be 0x and")]
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
    public void Parse_Grant_ReadsIsoExpiryAndOptionalSshKey()
    {
        var grant = Assert.IsType<GrantMessage>(AgentMessageParser.Parse(
            """{"version":1,"type":"grant","uid":"9","vid":"7","user":"0x008AeEda4D805471dF9b2A5B0f38A0C3bCBA786b","expires":"2026-11-29T01:00:00Z"}"""));

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero), grant.Expires);
        Assert.Equal("0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b", grant.User);
        Assert.Null(grant.SshPublicKey);
    }

    [Theory]
    [InlineData("2026-11-29T01:00:00Z", 0)]
    [InlineData("2026-11-29T01:00:00.5Z", 5_000_000)]
    [InlineData("2026-11-29T01:00:00.123456Z", 1_234_560)]
    [InlineData("2026-11-29T01:00:00.1234567Z", 1_234_567)]
    public void Parse_IsoUtcWithZ_IsRead(string time, long fractionTicks)
    {
        var challenge = Assert.IsType<ChallengeMessage>(AgentMessageParser.Parse(Valid.Replace("2026-11-20T10:05:00Z", time, StringComparison.Ordinal)));

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero).AddTicks(fractionTicks), challenge.Deadline);
    }

    // DESIGN §3: ISO 8601 UTC with Z only. One case per refused form, in each time field the agent reads.
    [Theory]
    [InlineData("deadline", "1795914000")]
    [InlineData("deadline", "\"1795914000\"")]
    [InlineData("deadline", "\"Sun, 29 Nov 2026 01:00:00 GMT\"")]
    [InlineData("deadline", "\"2026-11-29T01:00:00+00:00\"")]
    [InlineData("deadline", "\"2026-11-29T03:00:00+02:00\"")]
    [InlineData("deadline", "\"11/29/2026 01:00:00\"")]
    [InlineData("deadline", "\"2026-11-29T01:00:00\"")]
    [InlineData("deadline", "\"2026-11-29 01:00:00Z\"")]
    [InlineData("deadline", "\"2026-11-29T01:00:00z\"")]
    [InlineData("issuedAt", "\"Sun, 29 Nov 2026 01:00:00 GMT\"")]
    [InlineData("issuedAt", "1795914000")]
    public void Parse_ChallengeTimeInAnotherForm_IsMalformed(string field, string value)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(Valid, $"\"{field}\":\"[^\"]*\"", $"\"{field}\":{value}");

        var error = Assert.Throws<MalformedMessageException>(() => AgentMessageParser.Parse(text));

        Assert.Contains($"'{field}' must be an ISO 8601 UTC time ending in Z", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1800000000")]
    [InlineData("\"Sun, 29 Nov 2026 01:00:00 GMT\"")]
    [InlineData("\"2026-11-29T01:00:00+00:00\"")]
    [InlineData("\"11/29/2026 01:00:00\"")]
    public void Parse_GrantExpiresInAnotherForm_IsMalformed(string value)
    {
        var text = "{\"version\":1,\"type\":\"grant\",\"uid\":\"9\",\"vid\":\"7\",\"user\":\"0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b\",\"expires\":" + value + "}";

        var error = Assert.Throws<MalformedMessageException>(() => AgentMessageParser.Parse(text));

        Assert.Contains("'expires' must be an ISO 8601 UTC time", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x5fbdb2315678afecb367f032d93f642f64180aa3")]
    [InlineData("0x5FBDB2315678AFECB367F032D93F642F64180AA3")]
    public void Parse_ProofContractInOneCase_IsReadInLowercase(string address)
    {
        var challenge = Assert.IsType<ChallengeMessage>(AgentMessageParser.Parse(Valid.Replace("0x5FbDB2315678afecb367f032d93F642f64180aa3", address, StringComparison.Ordinal)));

        Assert.Equal("0x5fbdb2315678afecb367f032d93f642f64180aa3", challenge.ProofContract);
    }

    [Fact]
    public void Parse_ProofContractWithABadChecksum_IsMalformed()
    {
        Assert.Throws<MalformedMessageException>(() => AgentMessageParser.Parse(Valid.Replace("0x5FbDB2315678afecb367f032d93F642f64180aa3", "0x5fbDB2315678afecb367f032d93F642f64180aa3", StringComparison.Ordinal)));
    }
}
