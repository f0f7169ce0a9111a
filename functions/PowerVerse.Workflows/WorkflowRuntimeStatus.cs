namespace PowerVerse.Workflows;

/// <summary>Where a workflow instance stands.</summary>
public enum WorkflowRuntimeStatus
{
    /// <summary>Its current step is due and a message for it is on the queue.</summary>
    Pending,

    /// <summary>Sleeping on a durable timer until <see cref="WorkflowInstanceStatus.WaitUntil"/>.</summary>
    WaitingForTimer,

    /// <summary>Waiting for an external event (and, optionally, a timeout).</summary>
    WaitingForEvent,

    Completed,

    Failed,

    Terminated,
}
