using System.Numerics;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Signing;

namespace PowerVerse.Ethereum.Contracts;

/// <summary>
/// What a user signs for a relayed call (OpenZeppelin 5 ERC2771Forwarder):
/// <c>ForwardRequest(address from,address to,uint256 value,uint256 gas,uint256 nonce,uint48 deadline,bytes data)</c>.
/// </summary>
public sealed record ForwardRequest
{
    public const string TypeName = "ForwardRequest";

    public static IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types { get; } = new Dictionary<string, IReadOnlyList<TypedDataField>>
    {
        [TypeName] =
        [
            new("from", "address"), new("to", "address"), new("value", "uint256"), new("gas", "uint256"),
            new("nonce", "uint256"), new("deadline", "uint48"), new("data", "bytes"),
        ],
    };

    public required Address From { get; init; }

    public required Address To { get; init; }

    public BigInteger Value { get; init; }

    /// <summary>Gas forwarded to the target; the forwarder checks enough is left (EIP-150 63/64 rule).</summary>
    public required BigInteger Gas { get; init; }

    /// <summary>The signer's current nonce at the forwarder (<c>nonces(from)</c>).</summary>
    public required BigInteger Nonce { get; init; }

    /// <summary>Unix seconds; the request is refused after it (uint48).</summary>
    public required ulong Deadline { get; init; }

    public ReadOnlyMemory<byte> Data { get; init; }

    public TypedData ToTypedData(ForwarderDomain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return new TypedData(Types, TypeName, domain.ToTypedDataDomain(), new Dictionary<string, object?>
        {
            ["from"] = From,
            ["to"] = To,
            ["value"] = Value,
            ["gas"] = Gas,
            ["nonce"] = Nonce,
            ["deadline"] = Deadline,
            ["data"] = Data.ToArray(),
        });
    }

    /// <summary>Signs with the user's key and gives the ForwardRequestData that <c>execute</c> takes.</summary>
    public ForwardRequestData Sign(EthereumKey key, ForwarderDomain domain)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Address != From)
        {
            throw new InvalidSignatureException($"Key of {key.Address} cannot sign a request from {From}.");
        }

        var signature = TypedDataSigner.Sign(key, ToTypedData(domain));
        return new ForwardRequestData(From, To, Value, Gas, Deadline, Data, signature.ToBytes());
    }
}
