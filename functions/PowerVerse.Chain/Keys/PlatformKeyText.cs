using System.Globalization;
using System.Numerics;
using Nethereum.Signer;

namespace PowerVerse.Chain.Keys;

/// <summary>A stored key's text as a secp256k1 private key: 64 hex digits, with or without 0x, in 1 … n−1.</summary>
internal static class PlatformKeyText
{
    // SEC 2 §2.4.1: the order n of secp256k1's base point; a private key is an integer in [1, n-1].
    private static readonly BigInteger CurveOrder = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <exception cref="PlatformKeyUnavailableException">The text is not such a key; <paramref name="source"/> says where it was read.</exception>
    public static EthECKey Parse(PlatformRole role, string? text, string source)
    {
        var hex = text?.Trim() ?? string.Empty;
        hex = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            // The value is a secret: say what is wrong with it, never what it is.
            throw new PlatformKeyUnavailableException(role, $"The {Name(role)} key in {source} is not a 32-byte hex private key (64 hex digits, 0x optional).");
        }

        var scalar = BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return scalar.IsZero || scalar >= CurveOrder
            ? throw new PlatformKeyUnavailableException(role, $"The {Name(role)} key in {source} is outside secp256k1's range 1 … n−1.")
            : new EthECKey(Convert.FromHexString(hex), isPrivate: true);
    }

    /// <summary>The role as the stores name it: <c>relayer</c>, <c>challenger</c>, <c>settler</c>.</summary>
    public static string Name(PlatformRole role) => role.ToString().ToLowerInvariant();
}
