using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Nethereum.Signer;
using PowerVerse.Functions.AgentAccess;
using PowerVerse.Functions.Http.Api;
using SasRequest = PowerVerse.Client.Api.AgentSasRequest;

namespace PowerVerse.Functions.Tests.AgentAccess;

/// <summary>The body of <c>POST /api/agents/sas</c> (DESIGN §3) read strictly, and where the SAS signing key comes from.</summary>
public sealed class AgentSasRequestTests
{
    private static readonly EthECKey Agent = new("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");
    private static readonly EthECKey Other = new("0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e");

    private static readonly DateTimeOffset Expires = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    /// <summary>The body as the client signs it (PowerVerse.Client's AgentSasRequest), naming <see cref="Agent"/>.</summary>
    private static JsonObject Body(EthECKey? signer = null)
    {
        var body = SasRequest.Sign(signer ?? Agent, Expires);
        body["agent"] = Agent.GetPublicAddress();
        return body;
    }

    private static AgentSasRequest Read(JsonObject body) => AgentSasRequest.Read(Encoding.UTF8.GetBytes(body.ToJsonString()));

    private static void AssertProblem(string slug, Action read) => Assert.Equal(slug, Assert.Throws<ApiProblemException>(read).Type.Slug);

    [Fact]
    public void Read_SignedByTheAgent_AgentAndExpires()
    {
        var request = Read(Body());

        Assert.Equal(Agent.GetPublicAddress(), request.Agent);
        Assert.Equal(Expires, request.Expires);
    }

    [Fact]
    public void Read_MalleatedTwinOfAValidSignature_InvalidAuthorization()
    {
        // (r, n − s, v ^ 1) recovers the same key, but ECDSA.recover (and so the platform) accepts only the low-s form (EIP-2).
        var body = Body();
        var signature = Convert.FromHexString(((string)body["signature"]!)[2..]);
        var n = System.Numerics.BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        var s = new System.Numerics.BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        (n - s).ToByteArray(isUnsigned: true, isBigEndian: true).CopyTo(signature.AsSpan(32 + 32 - (n - s).GetByteCount(isUnsigned: true)));
        signature[64] ^= 1;
        body["signature"] = "0x" + Convert.ToHexString(signature);

        AssertProblem("invalid-authorization", () => Read(body));
    }

    [Fact]
    public void Read_SignedByAnotherKey_InvalidAuthorization() =>
        AssertProblem("invalid-authorization", () => Read(Body(signer: Other)));

    [Fact]
    public void Read_ExpiresChangedAfterSigning_InvalidAuthorization()
    {
        var body = Body();
        body["expires"] = "2026-12-07T05:00:00Z";
        AssertProblem("invalid-authorization", () => Read(body));
    }

    [Theory]
    [InlineData("0x12")]
    [InlineData("not hex")]
    [InlineData("")]
    [InlineData("0x" + "00000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000001" + "1b")]
    [InlineData("0x" + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff0000000000000000000000000000000000000000000000000000000000000001" + "1c")]
    [InlineData("0x" + "00000000000000000000000000000000000000000000000000000000000000010000000000000000000000000000000000000000000000000000000000000001" + "00")]
    [InlineData("0xzz00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001b")]
    public void Read_SignatureThatDoesNotRecover_InvalidAuthorization(string signature)
    {
        var body = Body();
        body["signature"] = signature;
        AssertProblem("invalid-authorization", () => Read(body));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"agent\":\"0x1\",\"expires\":\"2026-12-07T04:00:00Z\",\"signature\":\"0x\"}")]
    [InlineData("{\"agent\":\"0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1\",\"expires\":\"2026-12-07T04:00:00+00:00\",\"signature\":\"0x\"}")]
    [InlineData("{\"agent\":\"0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1\",\"expires\":1796616000,\"signature\":\"0x\"}")]
    [InlineData("{\"agent\":\"0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1\",\"expires\":\"2026-12-07T04:00:00Z\"}")]
    [InlineData("{\"agent\":\"0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1\",\"agent\":\"0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1\",\"expires\":\"2026-12-07T04:00:00Z\",\"signature\":\"0x\"}")]
    [InlineData("{\"agent\":{\"a\":{\"b\":1}},\"expires\":\"2026-12-07T04:00:00Z\",\"signature\":\"0x\"}")]
    public void Read_Malformed_MalformedRequest(string text) =>
        AssertProblem("malformed-request", () => AgentSasRequest.Read(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Read_UnknownMember_MalformedRequest()
    {
        var body = Body();
        body["version"] = 1;
        AssertProblem("malformed-request", () => Read(body));
    }

    [Fact]
    public void AccountKey_Setting_WinsOverTheConnectionString() =>
        Assert.Equal("a2V5", AgentAccessRegistration.AccountKey(new AgentAccessOptions { AccountKey = "a2V5" }, Configuration("AccountName=a;AccountKey=b3RoZXI=")));

    [Fact]
    public void AccountKey_ConnectionStringKey_WhenNoSetting() =>
        Assert.Equal("b3RoZXI=", AgentAccessRegistration.AccountKey(new AgentAccessOptions(), Configuration("DefaultEndpointsProtocol=http;AccountName=a;AccountKey=b3RoZXI=;QueueEndpoint=http://127.0.0.1:1/a")));

    [Fact]
    public void AccountKey_DevelopmentStorage_AzuritesKey() =>
        Assert.Equal(Testing.AzuriteServer.AccountKey, AgentAccessRegistration.AccountKey(new AgentAccessOptions(), Configuration("UseDevelopmentStorage=true")));

    [Fact]
    public void AccountKey_Neither_SaysWhichSettingIsMissing()
    {
        var refused = Assert.Throws<AgentAccessNotConfiguredException>(() => AgentAccessRegistration.AccountKey(new AgentAccessOptions(), new ConfigurationBuilder().Build()));
        Assert.Contains(AgentAccessOptions.AccountKeySetting, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv-pv.vault.azure.net/secrets/agent-queues-key/)")]
    [InlineData("not base64!")]
    public void AccountKey_SettingNotBase64_SaysWhichSetting(string key)
    {
        var refused = Assert.Throws<AgentAccessNotConfiguredException>(() => AgentAccessRegistration.AccountKey(new AgentAccessOptions { AccountKey = key }, new ConfigurationBuilder().Build()));
        Assert.Contains(AgentAccessOptions.AccountKeySetting, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Section_MaxLifetimeDefaultsTo24Hours()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("AgentAccess:MaxLifetime", "00:00:30")]).Build();

        Assert.Equal(TimeSpan.FromHours(24), new AgentAccessOptions().MaxLifetime);
        Assert.Equal(TimeSpan.FromSeconds(30), configuration.GetSection(AgentAccessOptions.SectionName).Get<AgentAccessOptions>()!.MaxLifetime);
        Assert.Equal(AgentAccessOptions.SectionName + ":AccountKey", AgentAccessOptions.AccountKeySetting);
    }

    private static IConfiguration Configuration(string agentQueues) =>
        new ConfigurationBuilder().AddInMemoryCollection([new("AgentQueues", agentQueues)]).Build();
}
