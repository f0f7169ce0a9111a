using Nethereum.ABI.FunctionEncoding.Attributes;

namespace PowerVerse.Chain.Attestation;

/// <summary>The EIP-712 struct <c>DeviceAttestation(bytes32 deviceHash,address owner)</c> of HardwareRegistry (DESIGN §2).</summary>
[Struct("DeviceAttestation")]
internal sealed class DeviceAttestationMessage
{
    /// <summary>keccak256 of the device's UUID.</summary>
    [Parameter("bytes32", "deviceHash", 1)]
    public byte[] DeviceHash { get; set; } = [];

    /// <summary>The account the HID is minted to: binding it stops anyone else registering the device with this signature.</summary>
    [Parameter("address", "owner", 2)]
    public string Owner { get; set; } = string.Empty;
}
