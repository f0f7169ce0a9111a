using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace PowerVerse.Ethereum.Signing;

/// <summary>Reads typed data in the eth_signTypedData_v4 JSON shape: { types, primaryType, domain, message }.</summary>
public static class TypedDataJson
{
    public static TypedData Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>(StringComparer.Ordinal);
        foreach (var type in root.GetProperty("types").EnumerateObject())
        {
            types[type.Name] = type.Value.EnumerateArray()
                .Select(f => new TypedDataField(f.GetProperty("name").GetString()!, f.GetProperty("type").GetString()!))
                .ToArray();
        }

        return new TypedData(
            types,
            root.GetProperty("primaryType").GetString()!,
            ToObject(root.GetProperty("domain")),
            ToObject(root.GetProperty("message")));
    }

    /// <summary>A JSON object as a dictionary: numbers become BigInteger, arrays lists, objects dictionaries.</summary>
    public static IReadOnlyDictionary<string, object?> ToObject(JsonElement element)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            result[property.Name] = ToValue(property.Value);
        }

        return result;
    }

    private static object? ToValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => BigInteger.Parse(value.GetRawText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => value.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.Object => ToObject(value),
        _ => null,
    };
}
