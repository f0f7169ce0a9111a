using System.Numerics;

namespace PowerVerse.Chain.Transactions;

/// <summary>What a caller wants sent; nonce, fees and (unless given) gas are the sender's business.</summary>
public sealed record TransactionRequest
{
    private readonly string? _key;

    public required string To { get; init; }

    public BigInteger Value { get; init; }

    public byte[] Data { get; init; } = [];

    /// <summary>Null: eth_estimateGas plus padding.</summary>
    public BigInteger? GasLimit { get; init; }

    /// <summary>
    /// An idempotency key, such as the EIP-712 hash of the ForwardRequest being relayed: however often and from however
    /// many processes a request with this key is sent through one journal, one nonce is used and every call returns
    /// the same journal entry (null: every send is a new transaction). It becomes part of a Table RowKey, so it is
    /// 1 to 200 characters of [A-Za-z0-9_.:-] (a 0x-hex hash fits).
    /// </summary>
    /// <exception cref="ArgumentException">The key is empty, too long or has another character.</exception>
    public string? Key
    {
        get => _key;
        init => _key = IdempotencyKey.Validate(value, nameof(Key));
    }
}
