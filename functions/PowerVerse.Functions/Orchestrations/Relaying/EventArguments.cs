using System.Collections;
using System.Globalization;
using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace PowerVerse.Functions.Orchestrations.Relaying;

/// <summary>An event's decoded arguments as the API writes values: decimal numbers, EIP-55 addresses, 0x bytes.</summary>
internal static class EventArguments
{
    public static IReadOnlyDictionary<string, string> Format(IReadOnlyDictionary<string, object?> arguments) =>
        arguments.ToDictionary(a => a.Key, a => Format(a.Value), StringComparer.Ordinal);

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text when AddressUtil.Current.IsValidEthereumAddressHexFormat(text) => AddressUtil.Current.ConvertToChecksumAddress(text),
        string text => text,
        bool flag => flag ? "true" : "false",
        byte[] bytes => bytes.ToHex(prefix: true),
        BigInteger number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(Format)) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
