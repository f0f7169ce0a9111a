using System.Numerics;
using Nethereum.ABI.EIP712;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;

namespace PowerVerse.Indexer.Tests.SeedMarket;

/// <summary>
/// The agent's EIP-712 <c>DeviceAttestation(bytes32 deviceHash,address owner)</c> on the domain {"PowerVerse
/// HardwareRegistry", "1", chainId, HardwareRegistry}, which <c>HardwareRegistry.register</c> checks (DESIGN §2).
/// </summary>
internal static class DeviceAttestation
{
    public static byte[] Sign(EthECKey agent, BigInteger chainId, string hardwareRegistry, byte[] deviceHash, string owner)
    {
        var typed = new TypedData<Eip712Domain>
        {
            Domain = new Eip712Domain { Name = "PowerVerse HardwareRegistry", Version = "1", ChainId = chainId, VerifyingContract = hardwareRegistry },
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
}
