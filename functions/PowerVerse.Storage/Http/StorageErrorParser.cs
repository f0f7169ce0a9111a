using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace PowerVerse.Storage.Http;

/// <summary>
/// Reads the service's error code and message: the <c>x-ms-error-code</c> header first, then the body — OData JSON
/// (<c>{"odata.error":{"code","message":{"value"}}}</c>, "Table service error codes") or XML
/// (<c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;</c>, "Queue service error codes").
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static StorageErrorParser Instance { get; } = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        var (code, message) = ParseBody(response.Content);
        if (response.Headers.TryGetValue("x-ms-error-code", out var header) && !string.IsNullOrEmpty(header))
        {
            code = header;
        }

        error = code is null && message is null ? null : new ResponseError(code, message ?? response.ReasonPhrase);
        return error is not null;
    }

    /// <summary>Parses an error body in either format; (null, null) when it is neither.</summary>
    public static (string? Code, string? Message) ParseBody(BinaryData? body)
    {
        if (body is null || body.ToMemory().IsEmpty)
        {
            return (null, null);
        }

        var text = body.ToString().TrimStart();
        try
        {
            return text.StartsWith('{') ? ParseJson(text) : text.StartsWith('<') ? ParseXml(text) : (null, null);
        }
        catch (Exception e) when (e is JsonException or System.Xml.XmlException or InvalidOperationException)
        {
            return (null, null);
        }
    }

    private static (string?, string?) ParseJson(string text)
    {
        using var doc = JsonDocument.Parse(text);
        if (!doc.RootElement.TryGetProperty("odata.error", out var error) && !doc.RootElement.TryGetProperty("error", out error))
        {
            return (null, null);
        }

        var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
        string? message = null;
        if (error.TryGetProperty("message", out var m))
        {
            message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString()
                : m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        }

        return (code, message);
    }

    private static (string?, string?) ParseXml(string text)
    {
        var root = XDocument.Parse(text).Root;
        return root is null ? (null, null) : (root.Element("Code")?.Value, root.Element("Message")?.Value);
    }
}
