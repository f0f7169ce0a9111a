using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PowerVerse.Domain.Json;

/// <summary>
/// The JSON Canonicalization Scheme (RFC 8785): the one text of a JSON value that signatures cover, wherever
/// something is signed over JSON (DESIGN §3: the agent's EIP-191 messages, the SAS request). One implementation for
/// the agent that signs and the platform that verifies, so both hash the same bytes. Written out rather than through
/// <see cref="Utf8JsonWriter"/>, whose encoders escape non-ASCII, <c>+</c>, <c>&lt;</c> and friends, which JCS does not.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The member that carries a message's signature and that the signature itself cannot cover (DESIGN §3).</summary>
    public const string SignatureMember = "signature";

    /// <summary>The canonical text of <paramref name="node"/> (null: the JSON literal <c>null</c>).</summary>
    /// <exception cref="ArgumentException">The value has no canonical form: a lone surrogate, NaN or an integer no double holds exactly.</exception>
    public static string Serialize(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node, skipMember: null);
        return text.ToString();
    }

    /// <summary>The canonical UTF-8 bytes of <paramref name="node"/>, which is what an EIP-191 signature over it hashes.</summary>
    public static byte[] SerializeToUtf8(JsonNode? node) => Encoding.UTF8.GetBytes(Serialize(node));

    /// <summary>
    /// The canonical text of a signed message without its top-level <see cref="SignatureMember"/> (nested members of
    /// that name stay): what the signer signed and what a verifier recovers over. The message itself is not changed.
    /// </summary>
    public static string SerializeWithoutSignature(JsonObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder();
        Write(text, message, skipMember: SignatureMember);
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonNode? node, string? skipMember)
    {
        switch (node)
        {
            case JsonObject obj:
                text.Append('{');
                var first = true;

                // RFC 8785 §3.2.3: members sorted by their names as arrays of UTF-16 code units, which is what ordinal string comparison does.
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (key == skipMember)
                    {
                        continue;
                    }

                    text.Append(first ? "" : ",");
                    first = false;
                    WriteString(text, key);
                    text.Append(':');
                    Write(text, value, skipMember: null);
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    Write(text, array[i], skipMember: null);
                }

                text.Append(']');
                break;
            case null:
                text.Append("null");
                break;
            case JsonValue value:
                WriteValue(text, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder text, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(text, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Number:
                text.Append(EcmaScriptNumber.Format(Number(value)));
                break;
            default:
                text.Append("null");
                break;
        }
    }

    /// <summary>
    /// RFC 8785 §3.2.2.3: numbers are IEEE 754 doubles. An integer a double cannot hold exactly would be signed as a
    /// different value than the one sent (I-JSON, RFC 7493 §2.2), so it is refused rather than rounded.
    /// </summary>
    private static double Number(JsonValue value)
    {
        var raw = value.ToJsonString();
        var number = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!raw.AsSpan().ContainsAny('.', 'e', 'E') && BigInteger.Parse(raw, CultureInfo.InvariantCulture) != new BigInteger(number))
        {
            throw new ArgumentException($"The integer {raw} has no exact IEEE 754 double; send it as a string.", nameof(value));
        }

        return number;
    }

    /// <summary>
    /// RFC 8785 §3.2.2.2 (ECMAScript's JSON.stringify): only '"', '\' and U+0000–U+001F are escaped, with the short
    /// forms \b \t \n \f \r and otherwise \u00xx in lowercase hex; everything else, non-ASCII included, is written as is.
    /// </summary>
    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
            {
                // RFC 8785 §3.2.2.2 requires I-JSON (RFC 7493 §2.1): no lone surrogates.
                throw new ArgumentException($"A string holds a lone surrogate U+{(int)c:X4} at {i}; JCS cannot encode it.", nameof(value));
            }

            if (char.IsHighSurrogate(c))
            {
                text.Append(c).Append(value[++i]);
                continue;
            }

            var escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\t' => "\\t",
                '\n' => "\\n",
                '\f' => "\\f",
                '\r' => "\\r",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => null,
            };
            _ = escape is null ? text.Append(c) : text.Append(escape);
        }

        text.Append('"');
    }
}
