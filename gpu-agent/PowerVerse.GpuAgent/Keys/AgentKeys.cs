using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;

namespace PowerVerse.GpuAgent.Keys;

/// <summary>Checked construction of the agent's secp256k1 key (SEC 2 §2.4.1), which Nethereum's EthECKey leaves to its caller.</summary>
internal static class AgentKeys
{
    private static readonly BigInteger Order = BigInteger.Parse("0fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>From "0x" + 64 hex digits (the 0x is optional).</summary>
    public static EthECKey Parse(string hex)
    {
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (digits.Length != 64 || !digits.IsHex())
        {
            throw new KeystoreException("A private key is 32 bytes: '0x' and 64 hex digits.");
        }

        return FromPrivateKey(digits.HexToByteArray());
    }

    public static EthECKey FromPrivateKey(byte[] privateKey)
    {
        var d = new BigInteger(privateKey, isUnsigned: true, isBigEndian: true);
        if (privateKey.Length != 32 || d.IsZero || d >= Order)
        {
            throw new KeystoreException("Not a secp256k1 private key: it must be 32 bytes, above zero and below the group order.");
        }

        return new EthECKey(privateKey, isPrivate: true);
    }

    /// <summary>The 32 key bytes; EthECKey drops leading zero bytes, which would change a keystore's ciphertext length.</summary>
    public static byte[] PrivateKeyBytes(EthECKey key)
    {
        var bytes = key.GetPrivateKeyAsBytes();
        var padded = new byte[32];
        bytes.CopyTo(padded, 32 - bytes.Length);
        return padded;
    }
}
