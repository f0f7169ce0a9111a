using System.Text.Json;

namespace PowerVerse.Workflows;

/// <summary>A snapshot of one instance, as <see cref="WorkflowClient.GetStatusAsync"/> reads it.</summary>
public sealed record WorkflowInstanceStatus
{
    public required string InstanceId { get; init; }

    public required string Name { get; init; }

    public required WorkflowRuntimeStatus Status { get; init; }

    /// <summary>The step that runs next (or ran last, once the instance ended).</summary>
    public required string Step { get; init; }

    public required long Sequence { get; init; }

    public required JsonElement Input { get; init; }

    public required JsonElement State { get; init; }

    public JsonElement? Output { get; init; }

    /// <summary>Why the instance failed or was terminated.</summary>
    public string? Error { get; init; }

    public string? WaitingForEvent { get; init; }

    public DateTimeOffset? WaitUntil { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required IReadOnlyList<HistoryEntry> History { get; init; }

    /// <summary>All transitions ever committed; <see cref="History"/> keeps only the latest.</summary>
    public required long HistoryCount { get; init; }

    public bool IsTerminal => Status is WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated;

    public T? GetOutput<T>() => Output is { } output ? output.Deserialize<T>(WorkflowJson.Options) : default;
}
