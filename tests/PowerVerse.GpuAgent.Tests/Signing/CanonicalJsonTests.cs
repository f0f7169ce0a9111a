using System.Text.Json.Nodes;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Signing;
using PowerVerse.GpuAgent.Signing;

namespace PowerVerse.GpuAgent.Tests.Signing;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Serialize_NestedObject_SortsKeysDropsTopLevelSignatureAndWhitespace()
    {
        var json = (JsonObject)JsonNode.Parse("""{ "z": 1, "signature": "0xdead", "a": { "y": [ {"b":2, "a":1} ], "signature": "kept" } }""")!;

        Assert.Equal("""{"a":{"signature":"kept","y":[{"a":1,"b":2}]},"z":1}""", CanonicalJson.Serialize(json));
    }

    [Fact]
    public void SignJson_Message_RecoversToTheAgentOverTheCanonicalText()
    {
        var key = EthereumKey.Generate();
        var signed = new AgentSigner(key).SignJson(new JsonObject { ["type"] = "heartbeat", ["agent"] = key.Address.ToLowerHex() });

        var text = """{"agent":"__","type":"heartbeat"}""".Replace("__", key.Address.ToLowerHex(), StringComparison.Ordinal);
        Assert.Equal(key.Address, PersonalMessage.RecoverSigner(text, Signature.Parse((string)signed["signature"]!)));
    }
}
