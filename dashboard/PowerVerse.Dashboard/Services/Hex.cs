using System.Globalization;
using System.Numerics;

namespace PowerVerse.Dashboard.Services;

/// <summary>JSON-RPC quantities (<c>0x</c> hex) to numbers, and hex data (a hash, an attestation) to bytes.</summary>
public static class Hex
{
    public static BigInteger ToBigInteger(string quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        var digits = quantity.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? quantity[2..] : quantity;
        return digits.Length == 0 ? BigInteger.Zero : BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    public static long ToLong(string quantity) => (long)ToBigInteger(quantity);

    /// <summary>The bytes of <paramref name="data"/>, with or without its <c>0x</c>.</summary>
    /// <exception cref="FormatException">Not an even number of hex digits.</exception>
    public static byte[] ToBytes(string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Convert.FromHexString(data.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? data[2..] : data);
    }
}
