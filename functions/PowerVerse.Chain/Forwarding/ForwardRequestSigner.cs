using System.Numerics;
using Nethereum.ABI.EIP712;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;
using Nethereum.Util;

using PowerVerse.Chain.Signing;

namespace PowerVerse.Chain.Forwarding;

/// <summary>
/// EIP-712 hashing, signing and verification of ForwardRequests under a forwarder's domain (name, version "1",
/// chain id, forwarder address: read it with <see cref="ForwarderClient.ReadDomainAsync"/>). The hash is also the
/// identity of a write: the same signed request always hashes the same.
/// </summary>
public static class ForwardRequestSigner
{
    private static readonly Eip712TypedDataSigner Signer = Eip712TypedDataSigner.Current;

    public static TypedData<Eip712Domain> TypedData(Eip712Domain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return new TypedData<Eip712Domain>
        {
            Domain = domain,
            Types = MemberDescriptionFactory.GetTypesMemberDescription(typeof(Eip712Domain), typeof(ForwardRequest)),
            PrimaryType = "ForwardRequest",
        };
    }

    /// <summary>The EIP-712 digest keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(request)).</summary>
    public static byte[] Hash(ForwardRequest request, Eip712Domain domain) =>
        Sha3Keccack.Current.CalculateHash(Signer.EncodeTypedData(request, TypedData(domain)));

    /// <summary>Signs with the user's key and gives the ForwardRequestData that <c>execute</c> takes.</summary>
    /// <exception cref="InvalidForwardRequestException">The key is not the request's <c>from</c>.</exception>
    public static ForwardRequestData Sign(ForwardRequest request, Eip712Domain domain, EthECKey key)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(key);
        if (!key.GetPublicAddress().IsTheSameAddress(request.From))
        {
            throw new InvalidForwardRequestException($"The key of {key.GetPublicAddress()} cannot sign a request from {request.From}.");
        }

        var signature = Signer.SignTypedDataV4(request, TypedData(domain), key);
        return new ForwardRequestData
        {
            From = request.From,
            To = request.To,
            Value = request.Value,
            Gas = request.Gas,
            Deadline = request.Deadline,
            Data = request.Data,
            Signature = signature.HexToByteArray(),
        };
    }

    /// <summary>The address whose key signed <paramref name="data"/> as the request at <paramref name="nonce"/>.</summary>
    /// <exception cref="InvalidForwardRequestException">The signature is one the forwarder's ECDSA.recover would refuse (<see cref="EcdsaRecovery"/>).</exception>
    public static string RecoverSigner(ForwardRequestData data, BigInteger nonce, Eip712Domain domain)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            return EcdsaRecovery.Recover(Hash(data.ToRequest(nonce), domain), data.Signature);
        }
        catch (FormatException ex)
        {
            throw new InvalidForwardRequestException(ex.Message, ex);
        }
    }

    /// <summary>
    /// The forwarder's checks, off chain: the signature recovers to <c>from</c> for the request at
    /// <paramref name="nonce"/>, and the deadline is not past at <paramref name="now"/>.
    /// </summary>
    /// <exception cref="InvalidForwardRequestException">Either check fails.</exception>
    public static void Verify(ForwardRequestData data, BigInteger nonce, Eip712Domain domain, DateTimeOffset now)
    {
        var signer = RecoverSigner(data, nonce, domain);
        if (!signer.IsTheSameAddress(data.From))
        {
            throw new InvalidForwardRequestException($"The request is signed by {signer}, not by its 'from' {data.From}.");
        }

        if ((ulong)now.ToUnixTimeSeconds() > data.Deadline)
        {
            throw new InvalidForwardRequestException($"The request expired at {DateTimeOffset.FromUnixTimeSeconds((long)data.Deadline):O}.");
        }
    }
}
