using System.Text.Json;

namespace PowerVerse.Client.Api;

/// <summary>
/// A write's workflow as <c>GET /api/workflows/{id}</c> shows it: the Durable orchestration's status
/// (Pending, Running, Completed, Failed, Terminated), its current step and, once it ends, its output or failure.
/// </summary>
public sealed record Workflow(
    string Id, string Name, string Status, string? CurrentStep, JsonElement? Output, WorkflowFailure? Failure,
    DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt)
{
    public bool IsCompleted => Status == "Completed";

    /// <summary>It will not change any more.</summary>
    public bool IsFinished => Status is "Completed" or "Failed" or "Terminated" or "Canceled";

    /// <summary>
    /// The output of a completed write's workflow: its transaction, main event and (a purchase) access endpoint; null
    /// for a workflow whose output is of another shape (a proof's: read <see cref="Output"/>).
    /// </summary>
    public WorkflowOutput? Result =>
        Output is { ValueKind: JsonValueKind.Object } output && output.TryGetProperty("transactionHash", out _) ? WorkflowOutput.Read(output) : null;

    internal static Workflow Read(JsonElement root) => new(
        root.GetProperty("id").GetString()!,
        root.GetProperty("name").GetString()!,
        root.GetProperty("status").GetString()!,
        Step(root),
        root.TryGetProperty("output", out var output) && output.ValueKind != JsonValueKind.Null ? output.Clone() : null,
        root.TryGetProperty("failure", out var failure) && failure.ValueKind == JsonValueKind.Object
            ? new WorkflowFailure(failure.GetProperty("errorType").GetString() ?? string.Empty, failure.GetProperty("errorMessage").GetString() ?? string.Empty)
            : null,
        root.GetProperty("createdAt").GetDateTimeOffset(),
        root.GetProperty("lastUpdatedAt").GetDateTimeOffset());

    // The step is the orchestration's custom status: a string ("relaying", …); anything else is shown as its JSON.
    private static string? Step(JsonElement root) =>
        !root.TryGetProperty("currentStep", out var step) || step.ValueKind == JsonValueKind.Null ? null
        : step.ValueKind == JsonValueKind.String ? step.GetString()
        : step.GetRawText();
}
