using System.Globalization;
using System.Numerics;
using Nethereum.Signer;

namespace PowerVerse.Chain.Signing;

/// <summary>
/// Recovers a signer the way OpenZeppelin's <c>ECDSA.recover</c> does on chain (the forwarder, the hardware registry):
/// a 65-byte r ‖ s ‖ v signature with v 27 or 28, r and s in range and s in the lower half of the curve order (EIP-2),
/// so a malleated twin of a valid signature, which the contracts refuse, is refused off chain too.
/// </summary>
public static class EcdsaRecovery
{
    // SEC 2 §2.4.1: the order n of secp256k1, and n/2, above which OpenZeppelin's ECDSA refuses s.
    private static readonly BigInteger CurveOrder = Hex("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");
    private static readonly BigInteger HalfOrder = Hex("07FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0");

    /// <summary>The EIP-55 address whose key signed <paramref name="digest"/>.</summary>
    /// <exception cref="FormatException">The signature is one <c>ECDSA.recover</c> would refuse; the message says why.</exception>
    public static string Recover(byte[] digest, byte[] signature)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.Length != 65)
        {
            throw new FormatException($"A signature is 65 bytes (r ‖ s ‖ v); this one is {signature.Length}.");
        }

        var (r, s, v) = (signature[..32], signature[32..64], signature[64]);
        if (v is not (27 or 28))
        {
            throw new FormatException($"The signature's v is {v}; ECDSA.recover takes only 27 or 28.");
        }

        var (rValue, sValue) = (new BigInteger(r, isUnsigned: true, isBigEndian: true), new BigInteger(s, isUnsigned: true, isBigEndian: true));
        if (rValue.IsZero || rValue >= CurveOrder || sValue.IsZero || sValue > HalfOrder)
        {
            throw new FormatException("The signature's r or s is out of range (s must be in the lower half of the curve order, EIP-2).");
        }

        try
        {
            return EthECKey.RecoverFromSignature(EthECDSASignatureFactory.FromComponents(r, s, v), digest).GetPublicAddress();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new FormatException("The signature does not recover to a public key.", ex);
        }
    }

    private static BigInteger Hex(string digits) => BigInteger.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
