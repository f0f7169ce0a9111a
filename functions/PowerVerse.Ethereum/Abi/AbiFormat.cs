using System.Globalization;
using System.Numerics;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;

namespace PowerVerse.Ethereum.Abi;

/// <summary>Human-readable text for decoded values, as in <c>ComputeMarketListingNotActive(uid=7)</c>.</summary>
public static class AbiFormat
{
    public static string Format(object? value) => value switch
    {
        null => "null",
        BigInteger b => b.ToString(CultureInfo.InvariantCulture),
        Address a => a.ToString(),
        byte[] bytes => HexEncoding.ToHex(bytes),
        bool b => b ? "true" : "false",
        string s => "\"" + s + "\"",
        IEnumerable<object?> list => "[" + string.Join(", ", list.Select(Format)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    public static string FormatCall(string name, IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(values);
        var parts = values.Select((v, i) =>
            i < parameters.Count && !string.IsNullOrEmpty(parameters[i].Name) ? $"{parameters[i].Name}={Format(v)}" : Format(v));
        return $"{name}({string.Join(", ", parts)})";
    }

    internal static string Signature(string name, IEnumerable<AbiParameter> parameters) =>
        $"{name}({string.Join(",", parameters.Select(p => p.Type.CanonicalName))})";
}
