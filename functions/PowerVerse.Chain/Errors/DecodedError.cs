using System.Collections;
using System.Globalization;
using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;

namespace PowerVerse.Chain.Errors;

/// <summary>A revert decoded by its selector: <c>ComputeMarketNotListed(uid=7)</c>.</summary>
public sealed record DecodedError(string Name, string Selector, IReadOnlyList<KeyValuePair<string, object?>> Arguments)
{
    /// <summary>The revert data no known error matches; <see cref="Selector"/> holds its first four bytes (or is empty).</summary>
    public const string UnknownName = "UnknownError";

    public bool IsKnown => Name != UnknownName;

    public override string ToString() =>
        $"{Name}({string.Join(", ", Arguments.Select(a => string.IsNullOrEmpty(a.Key) ? Format(a.Value) : $"{a.Key}={Format(a.Value)}"))})";

    private static string Format(object? value) => value switch
    {
        null => "null",
        string text => text,
        bool flag => flag ? "true" : "false",
        byte[] bytes => bytes.ToHex(prefix: true),
        BigInteger number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
