using System.Numerics;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;
using PowerVerse.Ethereum.Rlp;

namespace PowerVerse.Ethereum.Signing;

/// <summary>Decodes raw signed transactions (legacy and EIP-1559) and recovers their sender.</summary>
public static class TransactionDecoder
{
    /// <exception cref="RlpException">Not RLP, or the wrong number or shape of fields.</exception>
    /// <exception cref="InvalidSignatureException">The signature is invalid.</exception>
    public static SignedTransaction Decode(ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty)
        {
            throw new RlpException("A raw transaction cannot be empty.");
        }

        // EIP-2718: a first byte ≥ 0xc0 is a legacy RLP list; below 0x80 it is a type byte.
        if (raw[0] >= 0xc0)
        {
            return DecodeLegacy(RlpDecoder.Decode(raw).Items);
        }

        if (raw[0] != (byte)TransactionType.Eip1559)
        {
            throw new RlpException($"Transaction type 0x{raw[0]:x2} is not supported (legacy and type 2 are).");
        }

        return DecodeEip1559(RlpDecoder.Decode(raw[1..]).Items);
    }

    public static SignedTransaction Decode(string rawHex) => Decode(HexEncoding.ToBytes(rawHex));

    private static SignedTransaction DecodeLegacy(IReadOnlyList<RlpItem> f)
    {
        Expect(f, 9, "legacy");
        var v = f[6].ToInteger();
        BigInteger? chainId = v >= 35 ? (v - 35) / 2 : null;
        var recovery = v >= 35 ? (byte)((v - 35) % 2) : v == 27 || v == 28 ? (byte)(v - 27) : throw new InvalidSignatureException($"Legacy v {v} is neither 27/28 nor EIP-155.");
        var transaction = new Transaction
        {
            Type = TransactionType.Legacy,
            ChainId = chainId,
            Nonce = f[0].ToInteger(),
            GasPrice = f[1].ToInteger(),
            GasLimit = f[2].ToInteger(),
            To = ToAddress(f[3]),
            Value = f[4].ToInteger(),
            Data = f[5].ToArray(),
        };
        return SignedTransaction.Create(transaction, Signature(f[7], f[8], recovery));
    }

    private static SignedTransaction DecodeEip1559(IReadOnlyList<RlpItem> f)
    {
        Expect(f, 12, "EIP-1559");
        var parity = f[9].ToInteger();
        var transaction = new Transaction
        {
            Type = TransactionType.Eip1559,
            ChainId = f[0].ToInteger(),
            Nonce = f[1].ToInteger(),
            MaxPriorityFeePerGas = f[2].ToInteger(),
            MaxFeePerGas = f[3].ToInteger(),
            GasLimit = f[4].ToInteger(),
            To = ToAddress(f[5]),
            Value = f[6].ToInteger(),
            Data = f[7].ToArray(),
            AccessList = f[8].Items.Select(e => new AccessListEntry(
                Address.FromBytes(e.Items[0].Bytes.Span),
                e.Items[1].Items.Select(k => k.Bytes.Length == 32 ? k.ToArray() : throw new RlpException("Storage keys are 32 bytes.")).ToArray())).ToArray(),
        };
        var recovery = parity <= 1 ? (byte)parity : throw new InvalidSignatureException($"y parity must be 0 or 1; got {parity}.");
        return SignedTransaction.Create(transaction, Signature(f[10], f[11], recovery));
    }

    private static Signature Signature(RlpItem r, RlpItem s, byte recovery)
    {
        var rValue = r.ToInteger();
        var sValue = s.ToInteger();
        var signature = new Signature(Word(rValue), Word(sValue), recovery);
        signature.EnsureLowS();
        return signature;
    }

    private static byte[] Word(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length > 32)
        {
            throw new InvalidSignatureException("Signature r or s is longer than 32 bytes.");
        }

        var word = new byte[32];
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }

    private static Address? ToAddress(RlpItem item) => item.Bytes.Length switch
    {
        0 => null,
        20 => Address.FromBytes(item.Bytes.Span),
        var n => throw new RlpException($"'to' must be empty or 20 bytes; got {n}."),
    };

    private static void Expect(IReadOnlyList<RlpItem> fields, int count, string kind)
    {
        if (fields.Count != count)
        {
            throw new RlpException($"A signed {kind} transaction has {count} fields; got {fields.Count}.");
        }
    }
}
