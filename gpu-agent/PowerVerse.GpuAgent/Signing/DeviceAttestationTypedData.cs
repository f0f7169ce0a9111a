using System.Numerics;
using Nethereum.ABI.EIP712;
using Nethereum.Hex.HexConvertors.Extensions;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;

namespace PowerVerse.GpuAgent.Signing;

/// <summary>
/// The agent's attestation of a device for one provider, which HardwareRegistry.register checks (DESIGN §2):
/// EIP-712 <c>DeviceAttestation(bytes32 deviceHash,address owner)</c> under the domain {name "PowerVerse HardwareRegistry",
/// version "1", chainId, verifyingContract = HardwareRegistry}. Bound to the owner, so no one else can register
/// (squat) the device with it.
/// </summary>
internal static class DeviceAttestationTypedData
{
    public const string DomainName = "PowerVerse HardwareRegistry";
    public const string PrimaryType = "DeviceAttestation";

    public static TypedData<Eip712Domain> Create(BigInteger chainId, string hardwareRegistry, byte[] deviceHash, string owner)
    {
        var typed = new TypedData<Eip712Domain>
        {
            Domain = new Eip712Domain { Name = DomainName, Version = "1", ChainId = chainId, VerifyingContract = hardwareRegistry },
            Types = new Dictionary<string, MemberDescription[]>
            {
                ["EIP712Domain"] = [Member("name", "string"), Member("version", "string"), Member("chainId", "uint256"), Member("verifyingContract", "address")],
                [PrimaryType] = [Member("deviceHash", "bytes32"), Member("owner", "address")],
            },
            PrimaryType = PrimaryType,
            Message = [new MemberValue { TypeName = "bytes32", Value = deviceHash }, new MemberValue { TypeName = "address", Value = owner }],
        };
        typed.InitDomainRawValues();
        return typed;
    }

    public static string Hash(TypedData<Eip712Domain> typed) => Eip712TypedDataEncoder.Current.EncodeAndHashTypedData(typed).ToHex(prefix: true);

    private static MemberDescription Member(string name, string type) => new() { Name = name, Type = type };
}
