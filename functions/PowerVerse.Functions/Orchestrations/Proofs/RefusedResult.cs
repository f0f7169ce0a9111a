using System.Text.Json.Serialization;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>A result the platform refused, as its workflow shows it: the refusal's code and reason, who sent it and when it arrived.</summary>
public sealed record RefusedResult(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("agent")] string Agent,
    [property: JsonPropertyName("receivedAt")] DateTimeOffset ReceivedAt);
