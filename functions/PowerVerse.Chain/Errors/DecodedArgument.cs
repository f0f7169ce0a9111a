using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace PowerVerse.Chain.Errors;

/// <summary>One decoded argument of a custom error, with its ABI type.</summary>
public sealed record DecodedArgument(string Name, string Type, object? Value)
{
    public override string ToString() => string.IsNullOrEmpty(Name) ? Format(Type, Value) : $"{Name}={Format(Type, Value)}";

    private static string Format(string type, object? value) => value switch
    {
        null => "null",
        string text when type == "address" => AddressUtil.Current.ConvertToChecksumAddress(text),
        string text when type == "string" => JsonSerializer.Serialize(text),
        string text => text,
        bool flag => flag ? "true" : "false",
        byte[] bytes => bytes.ToHex(prefix: true),
        BigInteger number => number.ToString(CultureInfo.InvariantCulture),
        // A struct argument (e.g. ResourceRegistryOverAllocated's Allocation) decodes as its fields.
        IEnumerable<ParameterOutput> fields => "(" + string.Join(", ", fields.Select(f => new DecodedArgument(f.Parameter.Name, f.Parameter.Type, f.Result).ToString())) + ")",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(i => Format(ElementType(type), i))) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    private static string ElementType(string type) => type.EndsWith(']') ? type[..type.LastIndexOf('[')] : type;
}
