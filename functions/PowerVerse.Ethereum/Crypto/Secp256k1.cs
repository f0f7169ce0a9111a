using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;

namespace PowerVerse.Ethereum.Crypto;

/// <summary>
/// ECDSA over secp256k1 (SEC 2 §2.4.1) the way Ethereum uses it: deterministic k (RFC 6979 with
/// HMAC-SHA256), s normalised to the lower half (EIP-2), and a recovery id so the public key can be
/// recovered from the signature (SEC 1 §4.1.6).
/// </summary>
internal static class Secp256k1
{
    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly FixedPointCombMultiplier Multiplier = new FixedPointCombMultiplier();

    public static BigInteger N => Curve.N;

    public static BigInteger HalfN { get; } = Curve.N.ShiftRight(1);

    public static ECPoint G => Curve.G;

    public static BigInteger ToPrivateScalar(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 32)
        {
            throw new ArgumentException($"A private key is 32 bytes; got {privateKey.Length}.", nameof(privateKey));
        }

        var d = new BigInteger(1, privateKey.ToArray());
        if (d.SignValue == 0 || d.CompareTo(Curve.N) >= 0)
        {
            throw new ArgumentException("A private key must be in [1, n-1] of secp256k1.", nameof(privateKey));
        }

        return d;
    }

    /// <summary>The 64-byte public key X ‖ Y.</summary>
    public static byte[] PublicKey(BigInteger d)
    {
        var q = Multiplier.Multiply(Curve.G, d).Normalize();
        return q.GetEncoded(false)[1..];
    }

    public static Signature Sign(ReadOnlySpan<byte> hash, BigInteger d)
    {
        var e = new BigInteger(1, hash.ToArray());
        var kCalculator = new HMacDsaKCalculator(new Sha256Digest());
        kCalculator.Init(Curve.N, d, hash.ToArray());
        var n = Curve.N;
        while (true)
        {
            var k = kCalculator.NextK();
            var p = Multiplier.Multiply(Curve.G, k).Normalize();
            var x = p.AffineXCoord.ToBigInteger();
            var r = x.Mod(n);
            if (r.SignValue == 0)
            {
                continue;
            }

            var s = k.ModInverse(n).Multiply(e.Add(d.Multiply(r))).Mod(n);
            if (s.SignValue == 0)
            {
                continue;
            }

            var recoveryId = (p.AffineYCoord.TestBitZero() ? 1 : 0) | (x.CompareTo(n) >= 0 ? 2 : 0);
            if (s.CompareTo(HalfN) > 0)
            {
                // EIP-2: only s ≤ n/2 is valid; negating s mirrors R, which flips the y parity.
                s = n.Subtract(s);
                recoveryId ^= 1;
            }

            return new Signature(ToBytes32(r), ToBytes32(s), (byte)recoveryId);
        }
    }

    /// <summary>SEC 1 §4.1.6: Q = r⁻¹(sR − eG).</summary>
    public static byte[] Recover(ReadOnlySpan<byte> hash, Signature signature)
    {
        var n = Curve.N;
        var r = new BigInteger(1, signature.R.ToArray());
        var s = new BigInteger(1, signature.S.ToArray());
        if (r.SignValue == 0 || r.CompareTo(n) >= 0 || s.SignValue == 0 || s.CompareTo(n) >= 0)
        {
            throw new InvalidSignatureException("Signature r and s must be in [1, n-1] of secp256k1.");
        }

        var x = r.Add(n.Multiply(BigInteger.ValueOf(signature.RecoveryId >> 1)));
        var prime = Curve.Curve.Field.Characteristic;
        if (x.CompareTo(prime) >= 0)
        {
            throw new InvalidSignatureException("Signature recovery id points past the field prime.");
        }

        ECPoint rPoint;
        try
        {
            var encoded = new byte[33];
            encoded[0] = (byte)((signature.RecoveryId & 1) == 1 ? 0x03 : 0x02);
            ToBytes32(x).CopyTo(encoded, 1);
            rPoint = Curve.Curve.DecodePoint(encoded);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidSignatureException("Signature r is not the x coordinate of a curve point.", ex);
        }

        var e = new BigInteger(1, hash.ToArray());
        var rInv = r.ModInverse(n);
        var eInvR = n.Subtract(e).Multiply(rInv).Mod(n);
        var sInvR = s.Multiply(rInv).Mod(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Curve.G, eInvR, rPoint, sInvR).Normalize();
        if (q.IsInfinity)
        {
            throw new InvalidSignatureException("Signature recovers to the point at infinity.");
        }

        return q.GetEncoded(false)[1..];
    }

    public static byte[] ToBytes32(BigInteger value)
    {
        var bytes = value.ToByteArrayUnsigned();
        if (bytes.Length == 32)
        {
            return bytes;
        }

        var padded = new byte[32];
        bytes.CopyTo(padded, 32 - bytes.Length);
        return padded;
    }
}
