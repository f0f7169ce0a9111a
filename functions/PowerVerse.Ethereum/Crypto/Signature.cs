using PowerVerse.Ethereum.Hex;

namespace PowerVerse.Ethereum.Crypto;

/// <summary>An ECDSA secp256k1 signature with its recovery id (0 or 1, or 2/3 in the astronomically rare case r ≥ n).</summary>
public sealed class Signature
{
    public Signature(ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, byte recoveryId)
    {
        if (r.Length != 32 || s.Length != 32)
        {
            throw new InvalidSignatureException($"Signature r and s are 32 bytes each; got {r.Length} and {s.Length}.");
        }

        if (recoveryId > 3)
        {
            throw new InvalidSignatureException($"Recovery id must be 0–3; got {recoveryId}.");
        }

        R = r.ToArray();
        S = s.ToArray();
        RecoveryId = recoveryId;
    }

    public ReadOnlyMemory<byte> R { get; }

    public ReadOnlyMemory<byte> S { get; }

    public byte RecoveryId { get; }

    /// <summary>The 27/28 v of eth_sign, EIP-191 and EIP-712 signatures.</summary>
    public byte V => (byte)(27 + RecoveryId);

    /// <summary>The 65 bytes r ‖ s ‖ v with v = 27 + recovery id (what ethers' Signature.serialized gives).</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[65];
        R.Span.CopyTo(bytes);
        S.Span.CopyTo(bytes.AsSpan(32));
        bytes[64] = V;
        return bytes;
    }

    public string ToHex() => HexEncoding.ToHex(ToBytes());

    /// <summary>Reads r ‖ s ‖ v, accepting v as 27/28 or 0/1; refuses a high s (EIP-2).</summary>
    /// <exception cref="InvalidSignatureException">Not 65 bytes, bad v, or s above n/2.</exception>
    public static Signature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 65)
        {
            throw new InvalidSignatureException($"A signature is 65 bytes (r, s, v); got {bytes.Length}.");
        }

        var v = bytes[64];
        var recoveryId = v switch
        {
            0 or 1 => v,
            27 or 28 => (byte)(v - 27),
            _ => throw new InvalidSignatureException($"Signature v must be 27, 28, 0 or 1; got {v}."),
        };
        var signature = new Signature(bytes[..32], bytes[32..64], recoveryId);
        signature.EnsureLowS();
        return signature;
    }

    /// <exception cref="InvalidSignatureException">Not 65 bytes of hex, bad v, or high s.</exception>
    public static Signature Parse(string hex)
    {
        byte[] bytes;
        try
        {
            bytes = HexEncoding.ToBytes(hex);
        }
        catch (HexFormatException ex)
        {
            throw new InvalidSignatureException($"Signature is not hex: {ex.Message}", ex);
        }

        return FromBytes(bytes);
    }

    internal void EnsureLowS()
    {
        var s = new Org.BouncyCastle.Math.BigInteger(1, S.ToArray());
        if (s.CompareTo(Secp256k1.HalfN) > 0)
        {
            throw new InvalidSignatureException("Signature s is in the upper half of the curve order (EIP-2 forbids it).");
        }
    }
}
