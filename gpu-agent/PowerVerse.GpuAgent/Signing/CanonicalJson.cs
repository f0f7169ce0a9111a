using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PowerVerse.GpuAgent.Signing;

/// <summary>
/// The canonical JSON the agent's EIP-191 signatures cover (DESIGN §3): object keys sorted by ordinal order at every
/// level, no insignificant whitespace, the <c>signature</c> member left out of the top-level object.
/// </summary>
internal static class CanonicalJson
{
    public static string Serialize(JsonObject message)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            Write(writer, message, topLevel: true);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node, bool topLevel = false)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (topLevel && key == "signature")
                    {
                        continue;
                    }

                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
