using System.Numerics;
using Nethereum.ABI.EIP712;
using static PowerVerse.GpuAgent.Signing.Eip712Message;
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

    public static TypedData<Eip712Domain> Create(BigInteger chainId, string hardwareRegistry, byte[] deviceHash, string owner) =>
        Eip712Message.Create(DomainName, chainId, hardwareRegistry, PrimaryType,
            [Member("deviceHash", "bytes32"), Member("owner", "address")],
            [Value("bytes32", deviceHash), Value("address", owner)]);

    public static string Hash(TypedData<Eip712Domain> typed) => Eip712Message.Hash(typed);
}
