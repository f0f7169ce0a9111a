using Microsoft.Extensions.Logging;
using PowerVerse.Storage.Queues;
using PowerVerse.Workflows.Persistence;

namespace PowerVerse.Workflows;

/// <summary>
/// Processes one message of the steps queue. The order of every path is: run the step (at least once, so
/// its effects are keyed), commit the transition under the row's ETag, send the next message, delete this
/// one. A crash between any two leaves either a message that is retried or a stale one that is dropped;
/// a crash between commit and send is repaired when the same message returns (see <see cref="WorkflowInstanceEntity.LastMessageId"/>).
/// </summary>
internal sealed partial class StepProcessor(
    WorkflowStore store,
    WorkflowRegistry registry,
    WorkflowOptions options,
    TimeProvider time,
    IWorkflowProbe? probe,
    ILogger logger)
{
    public async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        if (!WorkflowMessage.TryParse(message.MessageText, out var parsed))
        {
            LogMalformed(message.MessageId);
            await store.Queue.MoveToPoisonAsync(message, cancellationToken);
            return;
        }

        await using var lease = new QueueMessageLease(store.Queue, message, options.VisibilityTimeout, time);
        try
        {
            await ProcessAsync(parsed, message, lease, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand the message back now rather than after the visibility timeout.
            await lease.AbandonAsync(TimeSpan.Zero, CancellationToken.None);
            throw;
        }
    }

    private async Task ProcessAsync(WorkflowMessage message, QueueMessage raw, QueueMessageLease lease, CancellationToken cancellationToken)
    {
        var instance = await store.GetAsync(message.InstanceId, cancellationToken);
        if (instance is null || instance.IsTerminal())
        {
            await lease.CompleteAsync(cancellationToken);
            return;
        }

        if (instance.LastMessageId == raw.MessageId)
        {
            // This message committed the row's last transition, then the worker died before sending the next one.
            LogRedispatch(instance.PartitionKey, instance.Sequence);
            await DispatchAsync(instance, cancellationToken);
            await lease.CompleteAsync(cancellationToken);
            return;
        }

        var current = message.Kind == WorkflowMessageKind.Wake || message.Sequence == instance.Sequence;
        if (!current)
        {
            await lease.CompleteAsync(cancellationToken);
            return;
        }

        var status = instance.GetStatus();
        if (message.Kind == WorkflowMessageKind.Wake && status != WorkflowRuntimeStatus.WaitingForEvent)
        {
            // An event only wakes a waiting instance; one that is not waiting yet finds it buffered later.
            await lease.CompleteAsync(cancellationToken);
            return;
        }

        if (raw.DequeueCount > options.MaxDequeueCount)
        {
            await PoisonAsync(instance, raw, cancellationToken);
            return;
        }

        var now = time.GetUtcNow();
        switch (status)
        {
            case WorkflowRuntimeStatus.Pending:
                await ExecuteAsync(instance, lease, cancellationToken);
                break;
            case WorkflowRuntimeStatus.WaitingForTimer when instance.WaitUntil > now:
                await RearmAsync(instance, message.Kind, lease, cancellationToken);
                break;
            case WorkflowRuntimeStatus.WaitingForTimer:
                await ExecuteAsync(instance, lease, cancellationToken);
                break;
            case WorkflowRuntimeStatus.WaitingForEvent:
                await ResumeWaitingAsync(instance, message.Kind, lease, now, cancellationToken);
                break;
        }
    }

    private async Task ExecuteAsync(WorkflowInstanceEntity instance, QueueMessageLease lease, CancellationToken cancellationToken)
    {
        if (!registry.TryGet(instance.Name, out var definition) || !definition.Steps.Contains(instance.Step))
        {
            var reason = $"This worker knows no workflow '{instance.Name}' with a step '{instance.Step}'.";
            await CommitAsync(WorkflowTransitions.End(instance, WorkflowRuntimeStatus.Failed, "fail", reason, time.GetUtcNow(), lease.MessageId, options.MaxHistoryEntries), instance.Step, lease, cancellationToken);
            return;
        }

        await CheckpointAsync(WorkflowCheckpoint.StepStarting, instance.PartitionKey, instance.Step, cancellationToken);
        var invocation = new StepInvocation(
            instance.PartitionKey,
            instance.Step,
            instance.Attempt + 1,
            $"{instance.PartitionKey}:{instance.Visit}:{instance.Step}",
            instance.Input,
            instance.State,
            instance.EventPayload,
            time);
        WorkflowInstanceEntity next;
        try
        {
            var outcome = await definition.ExecuteAsync(invocation, cancellationToken);
            next = WorkflowTransitions.Apply(instance, outcome, time.GetUtcNow(), lease.MessageId, options.MaxHistoryEntries);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogStepFailed(ex, instance.PartitionKey, instance.Step, invocation.Attempt);
            next = WorkflowTransitions.Retry(instance, ex, definition.GetRetryPolicy(instance.Step), time.GetUtcNow(), lease.MessageId, options.MaxHistoryEntries);
        }

        await CheckpointAsync(WorkflowCheckpoint.StepExecuted, instance.PartitionKey, instance.Step, cancellationToken);
        await CommitAsync(next, instance.Step, lease, cancellationToken);
    }

    private async Task ResumeWaitingAsync(WorkflowInstanceEntity instance, WorkflowMessageKind kind, QueueMessageLease lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var buffered = await store.FindEventAsync(instance.PartitionKey, instance.WaitEvent!, cancellationToken);
        if (buffered is not null)
        {
            var next = WorkflowTransitions.ResumeWithEvent(instance, buffered.GetString("Payload") ?? "null", now, lease.MessageId, options.MaxHistoryEntries);
            if (await store.TryCommitConsumingEventAsync(next, buffered, cancellationToken))
            {
                await FinishAsync(next, instance.Step, lease, cancellationToken);
            }
            else
            {
                await lease.CompleteAsync(cancellationToken);
            }

            return;
        }

        if (instance.WaitUntil is { } due && due <= now)
        {
            await CommitAsync(WorkflowTransitions.TimeOut(instance, now, lease.MessageId, options.MaxHistoryEntries), instance.Step, lease, cancellationToken);
        }
        else if (instance.WaitUntil is not null && kind != WorkflowMessageKind.Wake)
        {
            // The one timer message of a wait with a timeout; a wake never arms a second one.
            await RearmAsync(instance, kind, lease, cancellationToken);
        }
        else
        {
            await lease.CompleteAsync(cancellationToken);
        }
    }

    private async Task RearmAsync(WorkflowInstanceEntity instance, WorkflowMessageKind kind, QueueMessageLease lease, CancellationToken cancellationToken)
    {
        if (kind == WorkflowMessageKind.Wake)
        {
            await lease.CompleteAsync(cancellationToken);
            return;
        }

        var remaining = instance.WaitUntil!.Value - time.GetUtcNow();
        await store.SendAsync(new WorkflowMessage(instance.PartitionKey, instance.Sequence, WorkflowMessageKind.Timer), remaining, cancellationToken);
        await lease.CompleteAsync(cancellationToken);
    }

    /// <summary>Commits <paramref name="next"/>, produced by processing <paramref name="step"/> (the checkpoints name it).</summary>
    private async Task CommitAsync(WorkflowInstanceEntity next, string step, QueueMessageLease lease, CancellationToken cancellationToken)
    {
        if (!await store.TryCommitAsync(next, cancellationToken))
        {
            // Another worker moved the row first; this message is now stale.
            LogLostRace(next.PartitionKey, next.Sequence - 1);
            await lease.CompleteAsync(cancellationToken);
            return;
        }

        await FinishAsync(next, step, lease, cancellationToken);
    }

    private async Task FinishAsync(WorkflowInstanceEntity committed, string step, QueueMessageLease lease, CancellationToken cancellationToken)
    {
        await CheckpointAsync(WorkflowCheckpoint.Committed, committed.PartitionKey, step, cancellationToken);
        await DispatchAsync(committed, cancellationToken);
        await CheckpointAsync(WorkflowCheckpoint.Dispatched, committed.PartitionKey, step, cancellationToken);
        await lease.CompleteAsync(cancellationToken);
    }

    private async Task DispatchAsync(WorkflowInstanceEntity instance, CancellationToken cancellationToken)
    {
        if (WorkflowTransitions.NextMessage(instance, time.GetUtcNow()) is var (message, delay))
        {
            await store.SendAsync(message, delay, cancellationToken);
        }
    }

    private async Task PoisonAsync(WorkflowInstanceEntity instance, QueueMessage raw, CancellationToken cancellationToken)
    {
        var reason = $"Step '{instance.Step}' was received {raw.DequeueCount} times without finishing (limit {options.MaxDequeueCount}); its message is in '{store.Queue.GetPoisonQueueClient().Name}'.";
        LogPoisoned(instance.PartitionKey, instance.Step, raw.DequeueCount);
        var failed = WorkflowTransitions.End(instance, WorkflowRuntimeStatus.Failed, "poison", reason, time.GetUtcNow(), raw.MessageId, options.MaxHistoryEntries);
        await store.TryCommitAsync(failed, cancellationToken);
        await store.Queue.MoveToPoisonAsync(raw, cancellationToken);
    }

    private ValueTask CheckpointAsync(WorkflowCheckpoint checkpoint, string instanceId, string step, CancellationToken cancellationToken) =>
        probe?.OnCheckpointAsync(checkpoint, instanceId, step, cancellationToken) ?? ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed workflow message {MessageId} moved to the poison queue")]
    private partial void LogMalformed(string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {InstanceId} at {Sequence}: resending the message lost in a crash")]
    private partial void LogRedispatch(string instanceId, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} step {Step} attempt {Attempt} failed")]
    private partial void LogStepFailed(Exception exception, string instanceId, string step, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Instance {InstanceId} at {Sequence} was moved by another worker first")]
    private partial void LogLostRace(string instanceId, long sequence);

    [LoggerMessage(Level = LogLevel.Error, Message = "Instance {InstanceId} step {Step} poisoned after {DequeueCount} receives")]
    private partial void LogPoisoned(string instanceId, string step, long dequeueCount);
}
