using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PowerVerse.Workflows.Persistence;

/// <summary>
/// One message on the steps queue: "process instance <see cref="InstanceId"/> at <see cref="Sequence"/>".
/// A message whose sequence is behind the instance's is a stale duplicate and is dropped.
/// </summary>
internal sealed record WorkflowMessage(
    [property: JsonPropertyName("id")] string InstanceId,
    [property: JsonPropertyName("seq")] long Sequence,
    [property: JsonPropertyName("kind")] WorkflowMessageKind Kind)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static bool TryParse(string text, [NotNullWhen(true)] out WorkflowMessage? message)
    {
        try
        {
            message = JsonSerializer.Deserialize<WorkflowMessage>(text, Json);
            return message is { InstanceId.Length: > 0 };
        }
        catch (JsonException)
        {
            message = null;
            return false;
        }
    }
}
