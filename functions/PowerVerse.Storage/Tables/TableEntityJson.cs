using System.Globalization;
using System.Text.Json;
using Azure;

namespace PowerVerse.Storage.Tables;

/// <summary>
/// OData JSON for entities ("Payload format for Table service operations", minimal metadata): values that JSON
/// cannot type are strings annotated with <c>Name@odata.type</c> (Edm.Int64, Edm.DateTime, Edm.Guid, Edm.Binary);
/// doubles are always annotated Edm.Double so that 2.0 does not come back as an Int32.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static void Write(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in properties)
        {
            if (value is null || name is nameof(ITableEntity.Timestamp) || name.StartsWith("odata.", StringComparison.Ordinal))
            {
                continue;
            }

            WriteValue(writer, name, value);
        }

        writer.WriteEndObject();
    }

    public static byte[] Serialize(IEnumerable<KeyValuePair<string, object?>> properties)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, properties);
        }

        return stream.ToArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s: writer.WriteString(name, s); break;
            case bool b: writer.WriteBoolean(name, b); break;
            case int i: writer.WriteNumber(name, i); break;
            case long l: Annotated(writer, name, "Edm.Int64", l.ToString(CultureInfo.InvariantCulture)); break;
            case double d: WriteDouble(writer, name, d); break;
            case float f: WriteDouble(writer, name, f); break;
            case Guid g: Annotated(writer, name, "Edm.Guid", g.ToString("D")); break;
            case DateTimeOffset d: Annotated(writer, name, "Edm.DateTime", FormatDate(d)); break;
            case DateTime d: Annotated(writer, name, "Edm.DateTime", FormatDate(ToOffset(d))); break;
            case byte[] b: Annotated(writer, name, "Edm.Binary", Convert.ToBase64String(b)); break;
            case BinaryData b: Annotated(writer, name, "Edm.Binary", Convert.ToBase64String(b.ToMemory().Span)); break;
            case Enum e: writer.WriteString(name, e.ToString()); break;
            default:
                throw new ArgumentException($"Property '{name}' is a {value.GetType().Name}, which a table entity cannot hold.", nameof(value));
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, string name, double d)
    {
        writer.WriteString(name + TypeSuffix, "Edm.Double");
        if (double.IsFinite(d))
        {
            writer.WriteNumber(name, d);
        }
        else
        {
            writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static void Annotated(Utf8JsonWriter writer, string name, string type, string value)
    {
        writer.WriteString(name + TypeSuffix, type);
        writer.WriteString(name, value);
    }

    internal static DateTimeOffset ToOffset(DateTime d) =>
        new(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime());

    /// <summary>ISO 8601 UTC with the full 100 ns precision the service keeps.</summary>
    internal static string FormatDate(DateTimeOffset d) =>
        d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads one entity object of a response into a <see cref="TableEntity"/> with typed values.</summary>
    public static TableEntity Read(JsonElement element)
    {
        var entity = new TableEntity();
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name == "odata.etag")
            {
                entity.ETag = property.Value.GetString() is { } etag ? new ETag(etag) : default;
                continue;
            }

            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            // Timestamp is always Edm.DateTime, but minimal metadata may leave it unannotated.
            var type = element.TryGetProperty(name + TypeSuffix, out var t) ? t.GetString()
                : name == nameof(ITableEntity.Timestamp) ? "Edm.DateTime" : null;
            entity[name] = ReadValue(property.Value, type);
        }

        return entity;
    }

    private static object? ReadValue(JsonElement value, string? type) => type switch
    {
        _ when value.ValueKind == JsonValueKind.Null => null,
        "Edm.Int64" => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        "Edm.Int32" => value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt32(),
        "Edm.Double" => value.ValueKind == JsonValueKind.String
            ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture)
            : value.GetDouble(),
        "Edm.Guid" => Guid.Parse(value.GetString()!),
        "Edm.DateTime" => DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        "Edm.Binary" => value.GetBytesFromBase64(),
        "Edm.Boolean" => value.GetBoolean(),
        "Edm.String" => value.GetString(),
        _ => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetInt32(out var i) ? (object)i : value.GetDouble(),
            _ => value.GetRawText(),
        },
    };
}
