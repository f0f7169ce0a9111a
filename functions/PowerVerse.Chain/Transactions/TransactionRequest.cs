using System.Numerics;

namespace PowerVerse.Chain.Transactions;

/// <summary>What a caller wants sent; nonce, fees and (unless given) gas are the sender's business.</summary>
public sealed record TransactionRequest
{
    public required string To { get; init; }

    public BigInteger Value { get; init; }

    public byte[] Data { get; init; } = [];

    /// <summary>Null: eth_estimateGas plus padding.</summary>
    public BigInteger? GasLimit { get; init; }
}
