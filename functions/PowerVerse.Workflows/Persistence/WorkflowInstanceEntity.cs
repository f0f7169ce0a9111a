using Azure;
using PowerVerse.Storage.Tables;

namespace PowerVerse.Workflows.Persistence;

/// <summary>
/// The one row per instance (partition = instance id). Every transition replaces it under its ETag,
/// so two workers can never both apply a step.
/// </summary>
internal sealed class WorkflowInstanceEntity : ITableEntity
{
    public const string InstanceRowKey = "instance";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = InstanceRowKey;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Name { get; set; } = string.Empty;

    public string Status { get; set; } = nameof(WorkflowRuntimeStatus.Pending);

    /// <summary>The step that runs next.</summary>
    public string Step { get; set; } = string.Empty;

    /// <summary>Bumped by every committed transition; messages carry the sequence they were sent for.</summary>
    public long Sequence { get; set; }

    /// <summary>Bumped when the instance moves on to a step; retries and wake-ups keep it.</summary>
    public long Visit { get; set; }

    /// <summary>Failures of the current step visit so far.</summary>
    public int Attempt { get; set; }

    public string Input { get; set; } = "null";

    public string State { get; set; } = "{}";

    public string? Output { get; set; }

    public string? Error { get; set; }

    public string? WaitEvent { get; set; }

    public DateTimeOffset? WaitUntil { get; set; }

    public string? TimeoutStep { get; set; }

    /// <summary>The payload of the event that resumed the instance, for the step it resumed into.</summary>
    public string? EventPayload { get; set; }

    /// <summary>
    /// The queue message whose processing committed the last transition. If that message comes back, the
    /// worker crashed after the commit and before sending the next message: the next one is sent again.
    /// </summary>
    public string? LastMessageId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string History { get; set; } = "[]";

    public long HistoryCount { get; set; }

    public WorkflowRuntimeStatus GetStatus() => Enum.Parse<WorkflowRuntimeStatus>(Status);

    public bool IsTerminal() => GetStatus() is WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated;

    public WorkflowInstanceEntity Clone() => (WorkflowInstanceEntity)MemberwiseClone();
}
