using System.Numerics;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Signing;

namespace PowerVerse.Ethereum.Contracts;

/// <summary>
/// OpenZeppelin 5's <c>ForwardRequestData(address from,address to,uint256 value,uint256 gas,uint48 deadline,bytes data,bytes signature)</c>:
/// a signed request as submitted to <c>execute</c>. The nonce is not in it: the forwarder uses the signer's current one.
/// </summary>
public sealed record ForwardRequestData(Address From, Address To, BigInteger Value, BigInteger Gas, ulong Deadline, ReadOnlyMemory<byte> Data, ReadOnlyMemory<byte> Signature)
{
    /// <summary>The tuple for ABI encoding, in field order.</summary>
    public object?[] ToTuple() => [From, To, Value, Gas, Deadline, Data.ToArray(), Signature.ToArray()];

    /// <summary>The request this data claims to be, at the given nonce.</summary>
    public ForwardRequest ToRequest(BigInteger nonce) => new()
    {
        From = From,
        To = To,
        Value = Value,
        Gas = Gas,
        Nonce = nonce,
        Deadline = Deadline,
        Data = Data,
    };

    /// <summary>
    /// Off-chain check matching the forwarder's: the signature recovers to <see cref="From"/> for the request at
    /// <paramref name="nonce"/>, and the deadline has not passed at <paramref name="now"/>.
    /// </summary>
    /// <exception cref="InvalidSignatureException">The signature is malformed, recovers to another address, or the request expired.</exception>
    public void Verify(ForwarderDomain domain, BigInteger nonce, DateTimeOffset now)
    {
        var signature = Crypto.Signature.FromBytes(Signature.Span);
        var signer = TypedDataSigner.RecoverSigner(ToRequest(nonce).ToTypedData(domain), signature);
        if (signer != From)
        {
            throw new InvalidSignatureException($"ForwardRequest is signed by {signer}, not by its 'from' {From}.");
        }

        if ((ulong)now.ToUnixTimeSeconds() > Deadline)
        {
            throw new InvalidSignatureException($"ForwardRequest expired at {DateTimeOffset.FromUnixTimeSeconds((long)Deadline):O}.");
        }
    }
}
