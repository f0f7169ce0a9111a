using System.Numerics;
using Nethereum.ABI.EIP712;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;
using Nethereum.Util;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using PowerVerse.Chain.Attestation;
using PowerVerse.Chain.Rpc;
using PowerVerse.Chain.Tests.Support;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;

namespace PowerVerse.Chain.Tests.Attestation;

/// <summary>
/// The platform's off-chain check of an agent's device attestation, against the real HardwareRegistry (deployed
/// from contracts/artifacts by account #15) and against signatures of the EIP-712 definition written out by hand.
/// </summary>
public sealed class DeviceAttestationTests
{
    private const int Deployer = 15;
    private static readonly Lazy<Task<string>> Registry = new(DeployRegistryAsync);
    private static readonly byte[] DeviceHash = Sha3Keccack.Current.CalculateHash("GPU-5b8f0d3a-1c2e-4f60-a1b2-c3d4e5f60718"u8.ToArray());

    [Fact]
    public async Task Digest_AnyDeviceAndOwner_EqualsTheRegistrysAttestationDigest()
    {
        var chain = await TestChain.Shared;
        var registry = await Registry.Value;
        var owner = TestChain.AddressOf(16);

        var onChain = await chain.Web3.Eth.GetContractQueryHandler<AttestationDigestFunction>()
            .QueryAsync<byte[]>(registry, new AttestationDigestFunction { DeviceHash = DeviceHash, Owner = owner });

        Assert.Equal(onChain.ToHex(prefix: true), DeviceAttestation.Digest(TestChain.ChainId, registry, DeviceHash, owner).ToHex(prefix: true));
    }

    [Fact]
    public async Task RecoverAgent_ContractsDigestSignedByTheAgent_TheAgent()
    {
        var chain = await TestChain.Shared;
        var registry = await Registry.Value;
        var agent = EthECKey.GenerateKey();
        var owner = TestChain.AddressOf(16);
        var digest = await chain.Web3.Eth.GetContractQueryHandler<AttestationDigestFunction>()
            .QueryAsync<byte[]>(registry, new AttestationDigestFunction { DeviceHash = DeviceHash, Owner = owner });

        var signature = Nethereum.Signer.EthECDSASignature.CreateStringSignature(agent.SignAndCalculateV(digest)).HexToByteArray();

        Assert.Equal(agent.GetPublicAddress(), DeviceAttestation.RecoverAgent(TestChain.ChainId, registry, DeviceHash, owner, signature));
    }

    [Fact]
    public void RecoverAgent_SignedTypedDataV4_TheAgent()
    {
        var agent = EthECKey.GenerateKey();
        var (registry, owner) = (TestChain.AddressOf(19), TestChain.AddressOf(16));

        var signature = SignTypedData(agent, TestChain.ChainId, registry, DeviceHash, owner);

        Assert.Equal(agent.GetPublicAddress(), DeviceAttestation.RecoverAgent(TestChain.ChainId, registry, DeviceHash, owner, signature));
    }

    [Fact]
    public void RecoverAgent_AnotherOwnerChainOrRegistry_NotTheAgent()
    {
        var agent = EthECKey.GenerateKey();
        var (registry, owner) = (TestChain.AddressOf(19), TestChain.AddressOf(16));
        var signature = SignTypedData(agent, TestChain.ChainId, registry, DeviceHash, owner);

        Assert.NotEqual(agent.GetPublicAddress(), DeviceAttestation.RecoverAgent(TestChain.ChainId, registry, DeviceHash, TestChain.AddressOf(17), signature));
        Assert.NotEqual(agent.GetPublicAddress(), DeviceAttestation.RecoverAgent(1, registry, DeviceHash, owner, signature));
        Assert.NotEqual(agent.GetPublicAddress(), DeviceAttestation.RecoverAgent(TestChain.ChainId, TestChain.AddressOf(18), DeviceHash, owner, signature));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(64)]
    [InlineData(66)]
    public void RecoverAgent_NotSixtyFiveBytes_InvalidAttestation(int length)
    {
        Assert.Throws<InvalidAttestationException>(() =>
            DeviceAttestation.RecoverAgent(TestChain.ChainId, TestChain.AddressOf(19), DeviceHash, TestChain.AddressOf(16), new byte[length]));
    }

    [Fact]
    public void RecoverAgent_MalleatedOrBadV_InvalidAttestationAsEcdsaRecoverRefusesThem()
    {
        var (registry, owner) = (TestChain.AddressOf(19), TestChain.AddressOf(16));
        var signature = SignTypedData(EthECKey.GenerateKey(), TestChain.ChainId, registry, DeviceHash, owner);
        // EIP-2: (r, n − s, v ^ 1) recovers the same key, and OpenZeppelin's ECDSA refuses it.
        var n = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        var highS = (n - new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true)).ToByteArray(isUnsigned: true, isBigEndian: true);
        var malleated = signature[..32].Concat(new byte[32 - highS.Length]).Concat(highS).Append((byte)(signature[64] ^ 1)).ToArray();
        var zeroV = signature[..64].Append((byte)(signature[64] - 27)).ToArray();
        var notOnCurve = new byte[65];
        notOnCurve[31] = 5;
        notOnCurve[63] = 1;
        notOnCurve[64] = 27;

        Assert.Throws<InvalidAttestationException>(() => DeviceAttestation.RecoverAgent(TestChain.ChainId, registry, DeviceHash, owner, malleated));
        Assert.Throws<InvalidAttestationException>(() => DeviceAttestation.RecoverAgent(TestChain.ChainId, registry, DeviceHash, owner, zeroV));
        Assert.Throws<InvalidAttestationException>(() => DeviceAttestation.RecoverAgent(TestChain.ChainId, registry, DeviceHash, owner, notOnCurve));
    }

    /// <summary>DESIGN §2's definition spelled out member by member (not through the production struct), signed as eth_signTypedData_v4 does.</summary>
    private static byte[] SignTypedData(EthECKey agent, BigInteger chainId, string registry, byte[] deviceHash, string owner)
    {
        var typed = new TypedData<Eip712Domain>
        {
            Domain = new Eip712Domain { Name = "PowerVerse HardwareRegistry", Version = "1", ChainId = chainId, VerifyingContract = registry },
            Types = new Dictionary<string, MemberDescription[]>
            {
                ["EIP712Domain"] = [Member("name", "string"), Member("version", "string"), Member("chainId", "uint256"), Member("verifyingContract", "address")],
                ["DeviceAttestation"] = [Member("deviceHash", "bytes32"), Member("owner", "address")],
            },
            PrimaryType = "DeviceAttestation",
            Message = [new MemberValue { TypeName = "bytes32", Value = deviceHash }, new MemberValue { TypeName = "address", Value = owner }],
        };
        typed.InitDomainRawValues();
        return Eip712TypedDataSigner.Current.SignTypedDataV4(typed, agent).HexToByteArray();
    }

    private static MemberDescription Member(string name, string type) => new() { Name = name, Type = type };

    private static async Task<string> DeployRegistryAsync()
    {
        var chain = await TestChain.Shared;
        var deployer = new Web3(new Account(TestData.PrivateKey(Deployer), TestChain.ChainId), ChainRpc.CreateClient(chain.Node.RpcUrl));
        // The DAO parameters are not read by attestationDigest: any address stands in for them.
        return await ContractArtifacts.DeployAsync(deployer, "assets", "HardwareRegistry", "0x0000000000000000000000000000000000000001", chain.ForwarderAddress);
    }

    [Function("attestationDigest", "bytes32")]
    private sealed class AttestationDigestFunction : FunctionMessage
    {
        [Parameter("bytes32", "deviceHash", 1)]
        public byte[] DeviceHash { get; set; } = [];

        [Parameter("address", "owner", 2)]
        public string Owner { get; set; } = string.Empty;
    }
}

