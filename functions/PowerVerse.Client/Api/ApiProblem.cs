using System.Text.Json;

namespace PowerVerse.Client.Api;

/// <summary>
/// An <c>application/problem+json</c> answer (RFC 9457) with the API's extension members: for <c>call-reverted</c> the
/// custom error the simulated call reverted with and its arguments.
/// </summary>
public sealed record ApiProblem(
    string Type, string? Title, int Status, string? Detail, string? Instance, string? Error, IReadOnlyDictionary<string, string>? Arguments)
{
    private const string TypePrefix = "https://powerverse.dev/problems/";

    /// <summary>The stable part of <see cref="Type"/> to switch on, e.g. <c>call-reverted</c>.</summary>
    public string Slug => Type.StartsWith(TypePrefix, StringComparison.Ordinal) ? Type[TypePrefix.Length..] : Type;

    /// <summary>The problem in a body; a body that is not one becomes a problem of its status with the text as detail.</summary>
    public static ApiProblem Read(int status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
            {
                return new ApiProblem(type.GetString()!, String(root, "title"), root.TryGetProperty("status", out var s) && s.TryGetInt32(out var n) ? n : status,
                    String(root, "detail"), String(root, "instance"), String(root, "error"), ReadArguments(root));
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page, say): keep the text.
        }

        return new ApiProblem("http-" + status, null, status, body.Length > 500 ? body[..500] : body, null, null, null);
    }

    public override string ToString()
    {
        var text = Detail ?? Title ?? string.Empty;
        // The detail usually names the custom error already; add it (with its arguments) when it does not.
        var error = Error is null || text.Contains(Error, StringComparison.Ordinal) ? string.Empty
            : $" ({Error}{(Arguments is { Count: > 0 } a ? "(" + string.Join(", ", a.Select(p => $"{p.Key}={p.Value}")) + ")" : string.Empty)})";
        return $"{Status} {Slug}: {text}{error}";
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string>? ReadArguments(JsonElement root) =>
        root.TryGetProperty("arguments", out var value) && value.ValueKind == JsonValueKind.Object
            ? value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText())
            : null;
}
