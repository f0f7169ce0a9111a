using System.Numerics;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Rlp;

namespace PowerVerse.Ethereum.Signing;

/// <summary>
/// An unsigned transaction: legacy (Yellow Paper §4.2 with EIP-155) or EIP-1559 (type 2).
/// Legacy uses <see cref="GasPrice"/>; type 2 uses <see cref="MaxFeePerGas"/> and <see cref="MaxPriorityFeePerGas"/>.
/// </summary>
public sealed record Transaction
{
    public TransactionType Type { get; init; } = TransactionType.Eip1559;

    /// <summary>Required for type 2; for legacy, null means a pre-EIP-155 signature (replayable on any chain).</summary>
    public BigInteger? ChainId { get; init; }

    public BigInteger Nonce { get; init; }

    public BigInteger GasPrice { get; init; }

    public BigInteger MaxPriorityFeePerGas { get; init; }

    public BigInteger MaxFeePerGas { get; init; }

    public BigInteger GasLimit { get; init; }

    /// <summary>Null for contract creation.</summary>
    public Address? To { get; init; }

    public BigInteger Value { get; init; }

    public ReadOnlyMemory<byte> Data { get; init; }

    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];

    /// <summary>The hash that is signed: keccak256 of the EIP-155 list, or of 0x02 ‖ rlp(EIP-1559 fields).</summary>
    public byte[] SigningHash() => Keccak256.Hash(SigningPayload());

    public byte[] SigningPayload()
    {
        if (Type == TransactionType.Legacy)
        {
            var items = LegacyFields();
            if (ChainId is { } chainId)
            {
                // EIP-155: hash nine elements, the last three being chainId, 0, 0.
                items.Add(RlpItem.FromInteger(chainId));
                items.Add(RlpItem.FromInteger(0));
                items.Add(RlpItem.FromInteger(0));
            }

            return RlpEncoder.EncodeList(items);
        }

        return Typed(RlpEncoder.EncodeList(Eip1559Fields()));
    }

    /// <summary>Signs with <paramref name="key"/>, giving the raw bytes for eth_sendRawTransaction.</summary>
    public SignedTransaction Sign(EthereumKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Validate();
        return SignedTransaction.Create(this, key.Sign(SigningHash()));
    }

    internal List<RlpItem> LegacyFields() =>
    [
        RlpItem.FromInteger(Nonce), RlpItem.FromInteger(GasPrice), RlpItem.FromInteger(GasLimit),
        ToItem(), RlpItem.FromInteger(Value), RlpItem.FromBytes(Data.Span),
    ];

    internal List<RlpItem> Eip1559Fields() =>
    [
        RlpItem.FromInteger(ChainId ?? throw new InvalidOperationException("An EIP-1559 transaction needs a chain id.")),
        RlpItem.FromInteger(Nonce), RlpItem.FromInteger(MaxPriorityFeePerGas), RlpItem.FromInteger(MaxFeePerGas),
        RlpItem.FromInteger(GasLimit), ToItem(), RlpItem.FromInteger(Value), RlpItem.FromBytes(Data.Span),
        RlpItem.FromList(AccessList.Select(e => RlpItem.FromList(
            RlpItem.FromBytes(e.Address.Span),
            RlpItem.FromList(e.StorageKeys.Select(k => RlpItem.FromBytes(k)))))),
    ];

    internal static byte[] Typed(byte[] payload) => [(byte)TransactionType.Eip1559, .. payload];

    private RlpItem ToItem() => To is { } to ? RlpItem.FromBytes(to.Span) : RlpItem.FromBytes([]);

    private void Validate()
    {
        if (Nonce.Sign < 0 || GasLimit.Sign < 0 || Value.Sign < 0 || GasPrice.Sign < 0 || MaxFeePerGas.Sign < 0 || MaxPriorityFeePerGas.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Nonce), "Transaction integers cannot be negative.");
        }

        if (Type == TransactionType.Eip1559 && MaxPriorityFeePerGas > MaxFeePerGas)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPriorityFeePerGas), $"maxPriorityFeePerGas {MaxPriorityFeePerGas} exceeds maxFeePerGas {MaxFeePerGas} (EIP-1559).");
        }
    }
}
