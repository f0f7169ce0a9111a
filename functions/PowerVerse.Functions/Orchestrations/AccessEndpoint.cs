using System.Text.Json.Serialization;

namespace PowerVerse.Functions.Orchestrations;

/// <summary>Where the user reaches the resource, as the agent's <c>grant-applied</c> gives it (DESIGN §3).</summary>
public sealed record AccessEndpoint(
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("port")] int Port,
    [property: JsonPropertyName("user")] string User);
