namespace PowerVerse.Views;

/// <summary>A Durable orchestration: runtime status, current step (its custom status), output, and why it failed.</summary>
public sealed record WorkflowView(
    string Id, string Name, string Status, System.Text.Json.JsonElement? CurrentStep, System.Text.Json.JsonElement? Output,
    WorkflowFailureView? Failure, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt);
