using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PowerVerse.Client.Writes;

/// <summary>
/// The API's JSON form of <see cref="SignedWrite"/>: uint256 and uint48 values as decimal strings (a JSON number cannot
/// hold a uint256 exactly), bytes as 0x and lowercase hex, <c>sshPublicKey</c> only when there is one. Reads a JSON
/// integer for a number too, as the API does; any other member is refused.
/// </summary>
internal sealed class SignedWriteJsonConverter : JsonConverter<SignedWrite>
{
    public override void Write(Utf8JsonWriter writer, SignedWrite value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("from", value.From);
        writer.WriteString("to", value.To);
        writer.WriteString("value", value.Value.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("gas", value.Gas.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("deadline", value.Deadline.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("data", Hex(value.Data));
        writer.WriteString("signature", Hex(value.Signature));
        if (value.SshPublicKey is not null)
        {
            writer.WriteString("sshPublicKey", value.SshPublicKey);
        }

        writer.WriteEndObject();
    }

    public override SignedWrite Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("A signed write is a JSON object.");
        }

        foreach (var member in root.EnumerateObject())
        {
            if (member.Name is not ("from" or "to" or "value" or "gas" or "deadline" or "data" or "signature" or "sshPublicKey"))
            {
                throw new JsonException($"A signed write has no member '{member.Name}'.");
            }
        }

        return new SignedWrite(
            Text(root, "from"), Text(root, "to"), Number(root, "value"), Number(root, "gas"), (ulong)Number(root, "deadline"),
            Bytes(root, "data"), Bytes(root, "signature"),
            root.TryGetProperty("sshPublicKey", out var key) && key.ValueKind != JsonValueKind.Null ? key.GetString() : null);
    }

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new JsonException($"'{name}' must be a string.");

    private static BigInteger Number(JsonElement root, string name)
    {
        var text = root.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
        return text is not null && BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new JsonException($"'{name}' must be a non-negative decimal integer.");
    }

    private static byte[] Bytes(JsonElement root, string name)
    {
        var text = Text(root, name);
        if (!text.StartsWith("0x", StringComparison.Ordinal))
        {
            throw new JsonException($"'{name}' must be 0x hex.");
        }

        try
        {
            return Convert.FromHexString(text.AsSpan(2));
        }
        catch (FormatException ex)
        {
            throw new JsonException($"'{name}' must be 0x and an even number of hex digits.", ex);
        }
    }
}
