using System.Text.Json.Nodes;
using Nethereum.Signer;
using PowerVerse.Chain.Attestation;
using PowerVerse.Domain.Hashing;
using PowerVerse.Domain.Json;
using PowerVerse.GpuAgent.Signing;

namespace PowerVerse.GpuAgent.Tests.Signing;

/// <summary>What the agent signs, checked the way the platform checks it (PowerVerse.Chain, PowerVerse.Domain).</summary>
public sealed class PlatformVerificationTests
{
    private const string Owner = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
    private const string Registry = "0x0165878A594ca255338adfa4d48449f69242Eb8F";

    [Fact]
    public void SignDeviceAttestation_AnyDevice_PlatformRecoversTheAgent()
    {
        var signer = new AgentSigner(EthECKey.GenerateKey());
        var deviceHash = Keccak256.Hash("GPU-5b8f0d3a-1c2e-4f60-a1b2-c3d4e5f60718");

        var signature = Convert.FromHexString(signer.SignDeviceAttestation(31337, Registry, deviceHash, Owner)[2..]);

        Assert.Equal(signer.ChecksumAddress, DeviceAttestation.RecoverAgent(31337, Registry, deviceHash, Owner, signature));
        Assert.NotEqual(signer.ChecksumAddress, DeviceAttestation.RecoverAgent(31337, Registry, deviceHash, Registry, signature));
    }

    [Fact]
    public void SignJson_Message_RecoversOverTheCanonicalJsonOfTheRest()
    {
        var signer = new AgentSigner(EthECKey.GenerateKey());
        var message = signer.SignJson(new JsonObject { ["version"] = 1, ["type"] = "heartbeat", ["agent"] = signer.Address, ["at"] = "2026-11-29T01:00:00Z" });

        var unsigned = (JsonObject)message.DeepClone();
        unsigned.Remove(CanonicalJson.SignatureMember);

        Assert.Equal(signer.ChecksumAddress, new EthereumMessageSigner().EncodeUTF8AndEcRecover(CanonicalJson.Serialize(unsigned), (string)message["signature"]!));
    }
}
