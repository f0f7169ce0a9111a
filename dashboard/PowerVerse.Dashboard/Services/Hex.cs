using System.Globalization;
using System.Numerics;

namespace PowerVerse.Dashboard.Services;

/// <summary>JSON-RPC quantities (<c>0x</c> hex) to numbers.</summary>
public static class Hex
{
    public static BigInteger ToBigInteger(string quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        var digits = quantity.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? quantity[2..] : quantity;
        return digits.Length == 0 ? BigInteger.Zero : BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    public static long ToLong(string quantity) => (long)ToBigInteger(quantity);
}
