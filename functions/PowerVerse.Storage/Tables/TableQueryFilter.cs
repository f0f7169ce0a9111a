using System.Globalization;
using System.Text;

namespace PowerVerse.Storage.Tables;

/// <summary>
/// Formats the arguments of an interpolated filter as OData literals ("Querying tables and entities",
/// "Constructing filter strings"): strings quoted with embedded quotes doubled, 64-bit integers with an L
/// suffix, <c>guid'…'</c>, <c>datetime'…'</c> and <c>X'…'</c> for binary.
/// </summary>
internal static class TableQueryFilter
{
    public static string Format(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, args);
    }

    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => FormatDouble(d),
        float f => FormatDouble(f),
        Guid g => $"guid'{g:D}'",
        DateTimeOffset d => $"datetime'{TableEntityJson.FormatDate(d)}'",
        DateTime d => $"datetime'{TableEntityJson.FormatDate(TableEntityJson.ToOffset(d))}'",
        byte[] b => $"X'{Convert.ToHexStringLower(b)}'",
        BinaryData b => $"X'{Convert.ToHexStringLower(b.ToMemory().Span)}'",
        Enum e => Quote(e.ToString()),
        _ => throw new ArgumentException($"A {value.GetType().Name} cannot be written as an OData literal.", nameof(value)),
    };

    private static string Quote(string s) => new StringBuilder(s.Length + 2)
        .Append('\'').Append(s.Replace("'", "''", StringComparison.Ordinal)).Append('\'').ToString();

    // An integral double keeps a decimal point so the service reads it as Edm.Double, not Edm.Int32.
    private static string FormatDouble(double d)
    {
        if (!double.IsFinite(d))
        {
            throw new ArgumentException("NaN and infinities have no OData filter literal.", nameof(d));
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
