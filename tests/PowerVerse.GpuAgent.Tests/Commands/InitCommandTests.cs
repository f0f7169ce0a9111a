using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using PowerVerse.Domain.Hashing;
using PowerVerse.Domain.Json;
using PowerVerse.GpuAgent.Agent;
using PowerVerse.GpuAgent.Commands;
using PowerVerse.GpuAgent.Gpus;
using PowerVerse.GpuAgent.Keys;
using PowerVerse.GpuAgent.Signing;
using PowerVerse.GpuAgent.Tests.Support;

namespace PowerVerse.GpuAgent.Tests.Commands;

public sealed class InitCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gpu-agent-init-").FullName;

    private string Keystore => Path.Combine(_folder, "key.json");

    [Fact]
    public async Task RunAsync_ImportKey_StoresItEncryptedAndPrintsItsAddress()
    {
        var key = EthECKey.GenerateKey();
        var output = new StringWriter();
        string[] args = ["--keystore", Keystore, "--passphrase", "pw", "--scrypt-n", "1024", "--import-key", AgentKeys.PrivateKeyBytes(key).ToHex(prefix: true)];

        Assert.Equal(0, await InitCommand.RunAsync(CreateOptions(args), output, CancellationToken.None));
        Assert.Equal(0, await InitCommand.RunAsync(CreateOptions(args), output, CancellationToken.None));

        Assert.Equal(AgentKeys.PrivateKeyBytes(key), AgentKeys.PrivateKeyBytes(AgentKeystore.Decrypt(await File.ReadAllTextAsync(Keystore), "pw")));
        Assert.Contains($"agent address: {key.GetPublicAddress()}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"agent queue: agent-{key.GetPublicAddress().ToLowerInvariant()[2..]}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("(existing)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ImportKeystoreOfTheHandWrittenCode_KeepsItsKey()
    {
        var output = new StringWriter();
        var legacy = TestFiles.PathOf("legacy-keystore-v3.json");
        string[] args = ["--keystore", Keystore, "--passphrase", "new", "--scrypt-n", "1024", "--import-keystore", legacy, "--import-passphrase", "legacy passphrase ü"];

        Assert.Equal(0, await InitCommand.RunAsync(CreateOptions(args), output, CancellationToken.None));

        Assert.Contains($"agent address: {(string)TestFiles.Json("legacy-signing-vectors.json")["address"]!}", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            AgentKeys.PrivateKeyBytes(AgentKeystore.Decrypt(TestFiles.Text("legacy-keystore-v3.json"), "legacy passphrase ü")),
            AgentKeys.PrivateKeyBytes(AgentKeystore.Decrypt(await File.ReadAllTextAsync(Keystore), "new")));
    }

    [Fact]
    public async Task Cli_WrongPassphrase_ExitsOneWithAClearMessageAndNoStackTrace()
    {
        File.Copy(TestFiles.PathOf("legacy-keystore-v3.json"), Keystore);
        var (output, error) = (new StringWriter(), new StringWriter());

        var code = await AgentCli.RunAsync(["init", "--keystore", Keystore, "--passphrase", "wrong"], output, error);

        Assert.Equal(1, code);
        Assert.Equal("gpu-agent: Wrong passphrase: the keystore's MAC does not match.", error.ToString().Trim());
    }

    [Fact]
    public void Payload_Gpu_CarriesTheKeccakOfTheUuidAndTheAgentsSignature()
    {
        var signer = new AgentSigner(EthECKey.GenerateKey());
        var gpu = new GpuInfo("NVIDIA H200", 143771, "GPU-5b8f0d3a-1c2e-4f60-a1b2-c3d4e5f60718", "570", "nvidia-smi");

        var payload = InitCommand.Payload(signer, [gpu]);

        var device = payload["devices"]![0]!;
        Assert.Equal("0x" + Convert.ToHexStringLower(Keccak256.Hash("GPU-5b8f0d3a-1c2e-4f60-a1b2-c3d4e5f60718")), (string?)device["deviceHash"]);
        Assert.Null(device["attestation"]);
        Assert.Equal(signer.ChecksumAddress, new EthereumMessageSigner().EncodeUTF8AndEcRecover(CanonicalJson.SerializeWithoutSignature(payload), (string)payload["signature"]!));
    }

    [Fact]
    public void Payload_ForAnOwner_EachDeviceCarriesTheEip712AttestationTheRegistryChecks()
    {
        var signer = new AgentSigner(EthECKey.GenerateKey());
        var gpu = new GpuInfo("NVIDIA H200", 143771, "GPU-5b8f0d3a-1c2e-4f60-a1b2-c3d4e5f60718", "570", "nvidia-smi");
        const string Owner = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
        const string Registry = "0x0165878A594ca255338adfa4d48449f69242Eb8F";

        var payload = InitCommand.Payload(signer, [gpu], new RegistrationTarget(Owner, 31337, Registry));

        var device = payload["devices"]![0]!;
        // Recovered through Nethereum's JSON typed-data path (eth_signTypedData_v4's form), not the code that signed.
        var json = """
            {"types":{"EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},{"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],
                      "DeviceAttestation":[{"name":"deviceHash","type":"bytes32"},{"name":"owner","type":"address"}]},
             "primaryType":"DeviceAttestation",
             "domain":{"name":"PowerVerse HardwareRegistry","version":"1","chainId":31337,"verifyingContract":"REGISTRY"},
             "message":{"deviceHash":"HASH","owner":"OWNER"}}
            """.Replace("REGISTRY", Registry, StringComparison.Ordinal).Replace("HASH", (string)device["deviceHash"]!, StringComparison.Ordinal).Replace("OWNER", Owner, StringComparison.Ordinal);
        Assert.Equal(signer.ChecksumAddress, new Nethereum.Signer.EIP712.Eip712TypedDataSigner().RecoverFromSignatureV4(json, (string)device["attestation"]!), ignoreCase: true);
        Assert.Equal(Owner.ToLowerInvariant(), (string?)payload["owner"]);
    }

    [Fact]
    public async Task Init_DeclaredDeviceForAnOwner_PrintsItsAttestation()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await AgentCli.RunAsync(
            ["init", "--keystore", Keystore, "--passphrase", "pw", "--scrypt-n", "1024", "--device", "GPU-local-1",
             "--owner", "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", "--chain-id", "31337", "--hardware-registry", "0x0165878A594ca255338adfa4d48449f69242Eb8F"],
            output, error);

        Assert.Equal(0, code);
        Assert.Contains("\"uuid\": \"GPU-local-1\"", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"attestation\": \"0x", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_OwnerWithoutRegistry_RefusedWithAClearError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await AgentCli.RunAsync(["init", "--keystore", Keystore, "--passphrase", "pw", "--scrypt-n", "1024", "--owner", "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65"], output, error);

        Assert.Equal(1, code);
        Assert.Contains("go together", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SignDeviceAttestation_ContractsPublishedVector_SameDigestAndSignature()
    {
        // contracts/README.md's vector, pinned on chain by test_item14_publishedAttestationVector.
        var signer = new AgentSigner(new EthECKey("0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e"));
        var deviceHash = Keccak256.Hash("GPU-5f1b2c3d-0000-0000-0000-000000000000");
        const string Owner = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
        const string Registry = "0x0165878A594ca255338adfa4d48449f69242Eb8F";

        Assert.Equal("0x3b992aa4846384de833422e8638c46c2b057757ef2147180607664642a2a5017", deviceHash.ToHex(prefix: true));
        Assert.Equal("0xb1faad9bd34640abf08ad47a1168f75b2e891a9d8e3385da186d2b859e60b377",
            DeviceAttestationTypedData.Hash(DeviceAttestationTypedData.Create(31337, Registry, deviceHash, Owner)));
        Assert.Equal(
            "0xa220032623f921cb917d8cee47c93d8681beb12769b5d2ac813023ccfffa66b855b1a3c5bb7ca904160c24d21a8a9739e3c614143a15775470949a97bfef1e341c",
            signer.SignDeviceAttestation(31337, Registry, deviceHash, Owner));
    }

    [Fact]
    public void Options_CommandLineOverEnvironment_AndEnvironmentNamesMapToOptions()
    {
        var options = new AgentOptions(["--chain-id", "5"], new Dictionary<string, string?> { ["PV_AGENT_CHAIN_ID"] = "1", ["PV_AGENT_PROOF_CONTRACT"] = "0x5FbDB2315678afecb367f032d93F642f64180aa3" });

        Assert.Equal(5, (int)options.ChainId);
        Assert.Equal("0x5fbdb2315678afecb367f032d93f642f64180aa3", options.ProofContract);
        Assert.Throws<AgentConfigurationException>(() => options.Require("storage"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static AgentOptions CreateOptions(string[] args) => new(args, new Dictionary<string, string?>());
}
