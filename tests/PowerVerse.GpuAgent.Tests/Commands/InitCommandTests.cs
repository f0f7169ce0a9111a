using PowerVerse.Ethereum.Crypto;
using PowerVerse.GpuAgent.Agent;
using PowerVerse.GpuAgent.Commands;
using PowerVerse.GpuAgent.Gpus;
using PowerVerse.GpuAgent.Keys;
using PowerVerse.GpuAgent.Signing;

namespace PowerVerse.GpuAgent.Tests.Commands;

public sealed class InitCommandTests
{
    [Fact]
    public async Task RunAsync_ImportKey_StoresItEncryptedAndPrintsItsAddress()
    {
        var folder = Directory.CreateTempSubdirectory("gpu-agent-init-").FullName;
        try
        {
            var keystore = Path.Combine(folder, "key.json");
            var key = EthereumKey.Generate();
            var output = new StringWriter();
            string[] args = ["--keystore", keystore, "--passphrase", "pw", "--scrypt-n", "1024", "--import-key", Convert.ToHexStringLower(key.PrivateKeyBytes())];

            Assert.Equal(0, await InitCommand.RunAsync(new AgentOptions(args, new Dictionary<string, string?>()), output, CancellationToken.None));
            Assert.Equal(0, await InitCommand.RunAsync(new AgentOptions(args, new Dictionary<string, string?>()), output, CancellationToken.None));

            Assert.Equal(key.PrivateKeyBytes(), KeystoreV3.Decrypt(await File.ReadAllTextAsync(keystore), "pw").PrivateKeyBytes());
            Assert.Contains($"agent address: {key.Address}", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("(existing)", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Payload_Gpu_CarriesTheKeccakOfTheUuidAndTheAgentsSignature()
    {
        var key = EthereumKey.Generate();
        var gpu = new GpuInfo("NVIDIA H200", 143771, "GPU-5b8f0d3a-1c2e-4f60-a1b2-c3d4e5f60718", "570", "nvidia-smi");

        var payload = InitCommand.Payload(new AgentSigner(key), [gpu]);

        var device = payload["devices"]![0]!;
        Assert.Equal("0x" + Convert.ToHexStringLower(Keccak256.Hash("GPU-5b8f0d3a-1c2e-4f60-a1b2-c3d4e5f60718")), (string?)device["uuidHash"]);
        Assert.Equal(key.Address, Ethereum.Signing.PersonalMessage.RecoverSigner(CanonicalJson.Serialize(payload), Signature.Parse((string)payload["signature"]!)));
    }

    [Fact]
    public void Options_CommandLineOverEnvironment_AndEnvironmentNamesMapToOptions()
    {
        var options = new AgentOptions(["--chain-id", "5"], new Dictionary<string, string?> { ["PV_AGENT_CHAIN_ID"] = "1", ["PV_AGENT_PROOF_CONTRACT"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3" });

        Assert.Equal(5, (int)options.ChainId);
        Assert.Equal("0x5fbdb2315678afecb367f032d93f642f64180aa3", options.ProofContract.ToLowerHex());
        Assert.Throws<AgentConfigurationException>(() => options.Require("storage"));
    }
}
