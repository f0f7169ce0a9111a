using System.Numerics;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;
using PowerVerse.Ethereum.Rlp;

namespace PowerVerse.Ethereum.Signing;

/// <summary>A signed transaction: its fields, signature, sender, raw encoding and hash (keccak256 of the raw bytes).</summary>
public sealed class SignedTransaction
{
    private SignedTransaction(Transaction transaction, Signature signature, byte[] raw, Address from)
    {
        Transaction = transaction;
        Signature = signature;
        Raw = raw;
        From = from;
        Hash = Keccak256.Hash(raw);
    }

    public Transaction Transaction { get; }

    public Signature Signature { get; }

    public Address From { get; }

    /// <summary>The bytes for eth_sendRawTransaction.</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    public ReadOnlyMemory<byte> Hash { get; }

    public string RawHex => HexEncoding.ToHex(Raw.Span);

    public string HashHex => HexEncoding.ToHex(Hash.Span);

    /// <summary>The legacy v: 27/28 without chain id, chainId·2 + 35/36 with EIP-155; the y parity for typed transactions.</summary>
    public BigInteger V => Transaction.Type == TransactionType.Eip1559
        ? Signature.RecoveryId
        : Transaction.ChainId is { } chainId ? (chainId * 2) + 35 + Signature.RecoveryId : 27 + Signature.RecoveryId;

    internal static SignedTransaction Create(Transaction transaction, Signature signature)
    {
        var from = SignatureRecovery.RecoverAddress(transaction.SigningHash(), signature);
        return new SignedTransaction(transaction, signature, Encode(transaction, signature), from);
    }

    private static byte[] Encode(Transaction transaction, Signature signature)
    {
        var r = RlpItem.FromInteger(new BigInteger(signature.R.Span, isUnsigned: true, isBigEndian: true));
        var s = RlpItem.FromInteger(new BigInteger(signature.S.Span, isUnsigned: true, isBigEndian: true));
        if (transaction.Type == TransactionType.Eip1559)
        {
            var fields = transaction.Eip1559Fields();
            fields.Add(RlpItem.FromInteger(signature.RecoveryId));
            fields.Add(r);
            fields.Add(s);
            return Transaction.Typed(RlpEncoder.EncodeList(fields));
        }

        var legacy = transaction.LegacyFields();
        var v = transaction.ChainId is { } chainId ? (chainId * 2) + 35 + signature.RecoveryId : 27 + signature.RecoveryId;
        legacy.Add(RlpItem.FromInteger(v));
        legacy.Add(r);
        legacy.Add(s);
        return RlpEncoder.EncodeList(legacy);
    }
}
