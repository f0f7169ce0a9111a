using System.Text.Json;

namespace PowerVerse.Workflows;

/// <summary>The one JSON shape for workflow inputs, states, outputs and events.</summary>
internal static class WorkflowJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
