using System.Globalization;
using System.Text;

namespace PowerVerse.Domain.Json;

/// <summary>
/// ECMAScript's Number::toString (ECMA-262 §6.1.6.1.20), which RFC 8785 §3.2.2.3 makes the canonical form of a JSON
/// number: the shortest digits that round-trip, plain notation from 1e-6 up to 1e21, exponent notation outside.
/// </summary>
internal static class EcmaScriptNumber
{
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException("JSON has no NaN or Infinity (RFC 8785 §3.2.2.3).", nameof(value));
        }

        if (value == 0)
        {
            return "0"; // -0 too.
        }

        var (digits, n) = ShortestDigits(Math.Abs(value));
        var k = digits.Length;
        var text = new StringBuilder(value < 0 ? "-" : "");
        if (k <= n && n <= 21)
        {
            text.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            text.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            text.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var e = n - 1;
            text.Append(digits[0]);
            if (k > 1)
            {
                text.Append('.').Append(digits, 1, k - 1);
            }

            text.Append('e').Append(e < 0 ? '-' : '+').Append(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>
    /// The digits s (no leading or trailing zeros) and n such that value = 0.s × 10^n, from .NET's shortest
    /// round-trip form ("R", which since .NET Core 3.0 is the shortest string that parses back to the same double).
    /// </summary>
    private static (string Digits, int N) ShortestDigits(double value)
    {
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        if (r.IndexOf('E', StringComparison.Ordinal) is var at and >= 0)
        {
            exponent = int.Parse(r.AsSpan(at + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..at];
        }

        var point = r.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = point < 0 ? r.Length : point;
        var all = r.Replace(".", "", StringComparison.Ordinal);
        var leading = all.Length - all.TrimStart('0').Length;
        var digits = all.Trim('0');
        return (digits, integerDigits - leading + exponent);
    }
}
