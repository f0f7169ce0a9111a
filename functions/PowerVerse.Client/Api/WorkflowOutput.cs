using System.Globalization;
using System.Text.Json;

namespace PowerVerse.Client.Api;

/// <summary>
/// A completed workflow's output: the transaction that carried the write, its block, the action's main event with its
/// arguments as strings (decimal integers, 0x addresses and bytes), and for a purchase the access endpoint the agent
/// returned and the resource's first proof.
/// </summary>
public sealed record WorkflowOutput(string TransactionHash, long Block, string Event, IReadOnlyDictionary<string, string> Arguments, AccessEndpoint? Access)
{
    /// <summary>A purchase's first proof, as the proof workflow's output shows it (<c>challengeId</c>, <c>outcome</c>, …).</summary>
    public JsonElement? Proof { get; init; }

    /// <summary>An argument of the main event, e.g. <c>Argument("uid")</c>.</summary>
    /// <exception cref="KeyNotFoundException">The event has no such argument.</exception>
    public string Argument(string name) => Arguments.TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException($"{Event} has no argument '{name}' (it has {string.Join(", ", Arguments.Keys)}).");

    internal static WorkflowOutput Read(JsonElement output) => new(
        output.GetProperty("transactionHash").GetString()!,
        output.GetProperty("block").GetInt64(),
        output.GetProperty("event").GetString()!,
        output.TryGetProperty("arguments", out var arguments) && arguments.ValueKind == JsonValueKind.Object
            ? arguments.EnumerateObject().ToDictionary(a => a.Name, a => a.Value.ValueKind == JsonValueKind.String ? a.Value.GetString()! : a.Value.GetRawText())
            : new Dictionary<string, string>(),
        output.TryGetProperty("access", out var access) && access.ValueKind == JsonValueKind.Object ? AccessEndpoint.Read(access) : null)
    {
        Proof = output.TryGetProperty("proof", out var proof) && proof.ValueKind == JsonValueKind.Object ? proof.Clone() : null,
    };

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Event}({string.Join(", ", Arguments.Select(a => $"{a.Key}={a.Value}"))}) in block {Block}, tx {TransactionHash}")
        + (Access is null ? string.Empty : $"; access {Access}");
}
