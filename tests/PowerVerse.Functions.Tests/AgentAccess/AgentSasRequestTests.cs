using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Nethereum.Signer;
using PowerVerse.Domain.Json;
using PowerVerse.Functions.AgentAccess;
using PowerVerse.Functions.Http.Api;

namespace PowerVerse.Functions.Tests.AgentAccess;

/// <summary>The body of <c>POST /api/agents/sas</c> (DESIGN §3) read strictly, and where the SAS signing key comes from.</summary>
public sealed class AgentSasRequestTests
{
    private static readonly EthECKey Agent = new("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");
    private static readonly EthECKey Other = new("0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e");

    private static JsonObject Body(string expires = "2026-12-07T04:00:00Z", EthECKey? signer = null, string? agent = null)
    {
        var body = new JsonObject { ["agent"] = agent ?? Agent.GetPublicAddress(), ["expires"] = expires };
        body["signature"] = new EthereumMessageSigner().EncodeUTF8AndSign(CanonicalJson.SerializeWithoutSignature(body), signer ?? Agent);
        return body;
    }

    private static AgentSasRequest Read(JsonObject body) => AgentSasRequest.Read(Encoding.UTF8.GetBytes(body.ToJsonString()));

    private static void AssertProblem(string slug, Action read) => Assert.Equal(slug, Assert.Throws<ApiProblemException>(read).Type.Slug);

    [Fact]
    public void Read_SignedByTheAgent_AgentAndExpires()
    {
        var request = Read(Body(agent: Agent.GetPublicAddress().ToLowerInvariant()));

        Assert.Equal(Agent.GetPublicAddress(), request.Agent);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 4, 0, 0, TimeSpan.Zero), request.Expires);
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
