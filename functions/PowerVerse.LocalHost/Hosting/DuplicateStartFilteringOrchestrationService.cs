using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.Extensions.Logging;

namespace PowerVerse.LocalHost.Hosting;

/// <summary>
/// Drops a duplicate start message from the orchestration work items the sidecar dispatches, as Durable in Azure does:
/// an <see cref="ExecutionStartedEvent"/> for an instance whose history already holds one is logged and ignored, and
/// the rest of the batch runs. Always on.
/// </summary>
/// <remarks>
/// Azure Storage writes a step's history before it deletes the step's queue messages, so a process that dies between
/// the two (a SIGKILL, an OOM kill, a lost VM) leaves the start message to be delivered again, to an instance that has
/// already started. Its own check (<c>OrchestrationSessionManager.DedupeExecutionStartedMessagesAsync</c>) lets it
/// through, since the Instances table row names the same execution. In Azure the Functions host's dispatcher, DurableTask
/// Core's <c>TaskOrchestrationDispatcher.ReconcileMessagesWithState</c>, then drops it ("Duplicate start event") when
/// the runtime state already has an <c>ExecutionStartedEvent</c>. The sidecar's own dispatcher
/// (Microsoft.DurableTask.InProcessTestHost 0.2.3-preview.1, <c>TaskOrchestrationDispatcher.FilterAndSortMessages</c>)
/// does not ("TODO: Filter out invalid messages"): it adds the event to the history, which throws "Multiple
/// ExecutionStartedEvent found, potential corruption in state storage", abandons the work item, and is handed the same
/// batch again, forever. Filtering the work item's messages as it is locked applies Core's rule before that dispatcher
/// sees them; Azure Storage deletes the whole batch it delivered (not the work item's list) when the step completes,
/// so the dropped message goes too, as it does in Azure.
/// </remarks>
internal sealed partial class DuplicateStartFilteringOrchestrationService(
    IOrchestrationService inner, ILogger<DuplicateStartFilteringOrchestrationService> log) : DelegatingOrchestrationService(inner)
{
    public override async Task<TaskOrchestrationWorkItem?> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await base.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        if (workItem?.NewMessages is not { Count: > 0 } messages)
        {
            return workItem;
        }

        // Core's rule, message by message in batch order: a start is a duplicate once the history, or an earlier message
        // of this batch, has started the execution.
        var started = workItem.OrchestrationRuntimeState?.ExecutionStartedEvent is not null;
        var kept = new List<TaskMessage>(messages.Count);
        foreach (var message in messages)
        {
            if (message.Event is ExecutionStartedEvent && started)
            {
                LogDuplicateStart(message.OrchestrationInstance?.InstanceId, message.OrchestrationInstance?.ExecutionId);
                continue;
            }

            started |= message.Event is ExecutionStartedEvent;
            kept.Add(message);
        }

        if (kept.Count != messages.Count)
        {
            workItem.NewMessages = kept;
        }

        return workItem;
    }

    [LoggerMessage(LogLevel.Warning,
        "Duplicate start event for orchestration {InstanceId} (execution {ExecutionId}), whose history has already started: dropped, as Durable's dispatcher drops it")]
    private partial void LogDuplicateStart(string? instanceId, string? executionId);
}
