using System.Numerics;
using PowerVerse.Ethereum.Crypto;

namespace PowerVerse.Ethereum.Transactions;

/// <summary>What a caller wants sent; nonce, fees and (unless given) gas are the sender's business.</summary>
public sealed record TransactionRequest
{
    /// <summary>Null deploys <see cref="Data"/> as contract creation code.</summary>
    public Address? To { get; init; }

    public BigInteger Value { get; init; }

    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>Null: eth_estimateGas plus padding.</summary>
    public BigInteger? GasLimit { get; init; }
}
