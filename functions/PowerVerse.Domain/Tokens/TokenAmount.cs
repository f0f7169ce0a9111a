using System.Globalization;
using System.Numerics;

namespace PowerVerse.Domain.Tokens;

/// <summary>
/// ERC-20 amounts as people write them: whole units with up to the token's <c>decimals()</c> places ("120", "0.05"),
/// to and from the token's smallest unit.
/// </summary>
public static class TokenAmount
{
    /// <summary><paramref name="amount"/> whole units (e.g. "120" or "0.5") in the token's smallest unit.</summary>
    /// <exception cref="FormatException">Not a non-negative decimal number, or finer than the token's decimals.</exception>
    public static BigInteger Parse(string amount, int decimals)
    {
        ArgumentNullException.ThrowIfNull(amount);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var parts = amount.Trim().Split('.');
        if (parts.Length > 2 || parts[0].Length == 0 || !parts.All(p => p.All(char.IsAsciiDigit))
            || (parts.Length == 2 && (parts[1].Length == 0 || parts[1].TrimEnd('0').Length > decimals)))
        {
            throw new FormatException($"'{amount}' is not an amount with at most {decimals} decimals.");
        }

        var fraction = parts.Length == 2 ? parts[1].TrimEnd('0') : string.Empty;
        var digits = parts[0] + fraction.PadRight(decimals, '0');
        return BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <paramref name="raw"/> smallest units as whole units: thousands grouped with commas, the fraction without trailing
    /// zeros ("1,234.5", "0.05", "120").
    /// </summary>
    public static string Format(BigInteger raw, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        var negative = raw.Sign < 0;
        var digits = BigInteger.Abs(raw).ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var whole = digits[..^decimals];
        var fraction = digits[^decimals..].TrimEnd('0');
        var grouped = BigInteger.Parse(whole, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);
        return (negative ? "-" : string.Empty) + grouped + (fraction.Length > 0 ? "." + fraction : string.Empty);
    }
}
