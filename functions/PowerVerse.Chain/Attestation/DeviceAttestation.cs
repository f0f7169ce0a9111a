using System.Globalization;
using System.Numerics;
using Nethereum.ABI.EIP712;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;
using Nethereum.Util;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;

using PowerVerse.Chain.Signing;

namespace PowerVerse.Chain.Attestation;

/// <summary>
/// The check HardwareRegistry.register makes of an agent's device attestation, done off chain so a bad one is refused
/// before it is relayed: the EIP-712 <c>DeviceAttestation(bytes32 deviceHash,address owner)</c> under the domain
/// {name "PowerVerse HardwareRegistry", version "1", chainId, verifyingContract = the registry}, recovered with the
/// rules of OpenZeppelin's <c>ECDSA.recover</c> (<see cref="EcdsaRecovery"/>), as the contract does.
/// The gpu-agent signs the same definition (its DeviceAttestationTypedData).
/// </summary>
public static class DeviceAttestation
{
    public const string DomainName = "PowerVerse HardwareRegistry";
    public const string DomainVersion = "1";

    /// <summary>The digest the agent signs: what the registry's <c>attestationDigest(deviceHash, owner)</c> returns.</summary>
    /// <exception cref="ArgumentException"><paramref name="deviceHash"/> is not 32 bytes, or an address is not one.</exception>
    public static byte[] Digest(BigInteger chainId, string hardwareRegistry, byte[] deviceHash, string owner)
    {
        ArgumentNullException.ThrowIfNull(deviceHash);
        if (deviceHash.Length != 32)
        {
            throw new ArgumentException($"A device hash is 32 bytes; this one is {deviceHash.Length}.", nameof(deviceHash));
        }

        RequireAddress(hardwareRegistry, nameof(hardwareRegistry));
        RequireAddress(owner, nameof(owner));
        var typed = new TypedData<Eip712Domain>
        {
            Domain = new Eip712Domain { Name = DomainName, Version = DomainVersion, ChainId = chainId, VerifyingContract = hardwareRegistry },
            Types = MemberDescriptionFactory.GetTypesMemberDescription(typeof(Eip712Domain), typeof(DeviceAttestationMessage)),
            PrimaryType = "DeviceAttestation",
        };
        var message = new DeviceAttestationMessage { DeviceHash = deviceHash, Owner = owner };
        return Sha3Keccack.Current.CalculateHash(Eip712TypedDataSigner.Current.EncodeTypedData(message, typed));
    }

    /// <summary>
    /// The EIP-55 address that signed the attestation of <paramref name="deviceHash"/> for <paramref name="owner"/>;
    /// <paramref name="signature"/> is r ‖ s ‖ v, 65 bytes, as eth_signTypedData_v4 returns it and the registry takes it.
    /// </summary>
    /// <exception cref="InvalidAttestationException">The signature is not 65 bytes, or the registry's ECDSA.recover would refuse it.</exception>
    public static string RecoverAgent(BigInteger chainId, string hardwareRegistry, byte[] deviceHash, string owner, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Length != 65)
        {
            throw new InvalidAttestationException($"A device attestation is a 65-byte signature; this one is {signature.Length} bytes.");
        }

        try
        {
            return EcdsaRecovery.Recover(Digest(chainId, hardwareRegistry, deviceHash, owner), signature);
        }
        catch (FormatException ex)
        {
            throw new InvalidAttestationException($"The device attestation is refused: {ex.Message}", ex);
        }
    }

    private static void RequireAddress(string address, string parameterName)
    {
        if (!AddressUtil.Current.IsValidEthereumAddressHexFormat(address))
        {
            throw new ArgumentException($"'{address}' is not an address.", parameterName);
        }
    }
}
