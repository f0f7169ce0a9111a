using System.Text.Json.Serialization;

namespace PowerVerse.Views;

/// <summary>
/// An RFC 9457 problem document (<c>application/problem+json</c>): <c>Type</c> is a stable URI to switch on. A write
/// whose simulation reverted adds the contract's custom error: <c>Error</c> (its name) and <c>Arguments</c>.
/// </summary>
public sealed record ProblemView(
    string Type, string Title, int Status, string? Detail, string? Instance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Arguments = null);
