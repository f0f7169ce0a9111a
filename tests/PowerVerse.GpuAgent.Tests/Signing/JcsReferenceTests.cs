using System.Text.Json.Nodes;
using Nethereum.Signer;
using PowerVerse.Domain.Tests.Support;
using PowerVerse.GpuAgent.Commands;
using PowerVerse.GpuAgent.Gpus;
using PowerVerse.GpuAgent.Signing;

namespace PowerVerse.GpuAgent.Tests.Signing;

/// <summary>The agent's EIP-191 signatures recover over the bytes an independent RFC 8785 implementation (canonicalize) produces.</summary>
public sealed class JcsReferenceTests
{
    [Fact]
    public void SignJson_Message_RecoversToTheAgentOverTheCanonicalText()
    {
        var signer = new AgentSigner(EthECKey.GenerateKey());
        var signed = signer.SignJson(new JsonObject { ["type"] = "heartbeat", ["agent"] = signer.Address, ["user"] = "ops+gpü" });

        var text = """{"agent":"__","type":"heartbeat","user":"ops+gpü"}""".Replace("__", signer.Address, StringComparison.Ordinal);
        Assert.Equal(signer.ChecksumAddress, new EthereumMessageSigner().EncodeUTF8AndEcRecover(text, (string)signed["signature"]!));
    }

    [JcsFact]
    public async Task SignJson_NonAsciiPayload_RecoversOverTheBytesCanonicalizeProduces()
    {
        var reference = await JcsReference.Shared;
        var signer = new AgentSigner(EthECKey.GenerateKey());
        var payload = InitCommand.Payload(signer, [new GpuInfo("NVIDIA GeForce RTX™ 4090 — “Ada”", 24564, "GPU-ü+1", "570", "nvidia-smi")]);
        var unsigned = (JsonObject)payload.DeepClone();
        unsigned.Remove("signature");

        var bytes = await reference.CanonicalizeAsync(unsigned.ToJsonString());

        Assert.Equal(signer.ChecksumAddress, new EthereumMessageSigner().EcRecover(bytes, (string)payload["signature"]!));
    }
}
