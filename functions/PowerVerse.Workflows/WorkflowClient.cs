using System.Text.Json;
using PowerVerse.Workflows.Persistence;

namespace PowerVerse.Workflows;

/// <summary>Starts, signals, inspects, terminates and purges workflow instances (Durable Functions' client operations).</summary>
public sealed class WorkflowClient
{
    private readonly WorkflowStore _store;
    private readonly WorkflowRegistry _registry;
    private readonly WorkflowOptions _options;
    private readonly TimeProvider _time;

    internal WorkflowClient(WorkflowStore store, WorkflowRegistry registry, WorkflowOptions options, TimeProvider time)
    {
        _store = store;
        _registry = registry;
        _options = options;
        _time = time;
    }

    /// <summary>
    /// Starts an instance of <paramref name="workflowName"/>. With a caller-chosen <paramref name="instanceId"/> this is
    /// idempotent: starting the same id with the same input again returns it and re-sends its first message if it
    /// never ran; the same id with another workflow or input is a <see cref="WorkflowConflictException"/>.
    /// </summary>
    public async Task<string> StartAsync(string workflowName, object? input, string? instanceId = null, CancellationToken cancellationToken = default)
    {
        var definition = _registry.Get(workflowName);
        var id = instanceId ?? Guid.NewGuid().ToString("N");
        WorkflowKeys.ValidateInstanceId(id);
        var inputJson = WorkflowTransitions.CheckSize(WorkflowJson.Serialize(input), "input");
        var now = _time.GetUtcNow();
        var instance = new WorkflowInstanceEntity
        {
            PartitionKey = id,
            Name = definition.Name,
            Step = definition.InitialStep,
            Input = inputJson,
            State = WorkflowTransitions.CheckSize(definition.CreateInitialState(inputJson), "state"),
            CreatedAt = now,
            UpdatedAt = now,
        };

        if (!await _store.TryInsertAsync(instance, cancellationToken))
        {
            var existing = await _store.GetAsync(id, cancellationToken)
                ?? throw new WorkflowConflictException($"Instance '{id}' was purged while it was being started; start it again.");
            if (existing.Name != definition.Name || existing.Input != inputJson)
            {
                throw new WorkflowConflictException($"Instance '{id}' already exists as a '{existing.Name}' with another input.");
            }

            if (existing.Sequence > 0 || existing.IsTerminal())
            {
                return id;
            }

            instance = existing;
        }

        // A crash before this send leaves a row that a retried start (same id) completes.
        await _store.SendAsync(new WorkflowMessage(id, instance.Sequence, WorkflowMessageKind.Step), TimeSpan.Zero, cancellationToken);
        return id;
    }

    /// <summary>
    /// Raises <paramref name="eventName"/> for an instance. The event is buffered until the instance waits for it.
    /// Raising is idempotent per <paramref name="eventId"/>. Returns false when the instance has already ended.
    /// </summary>
    public async Task<bool> RaiseEventAsync(string instanceId, string eventName, object? payload = null, string? eventId = null, CancellationToken cancellationToken = default)
    {
        WorkflowKeys.ValidateInstanceId(instanceId);
        WorkflowKeys.ValidateEventName(eventName);
        var id = eventId ?? Guid.NewGuid().ToString("N");
        WorkflowKeys.ValidateEventId(id);
        var payloadJson = WorkflowTransitions.CheckSize(WorkflowJson.Serialize(payload), "event");
        var instance = await _store.GetAsync(instanceId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"No workflow instance '{instanceId}'.");
        if (instance.IsTerminal())
        {
            return false;
        }

        // Buffer first, then wake: a wake that finds the instance not yet waiting is dropped, and the wait's own
        // first message finds the buffered row instead, so no event is lost between the two.
        await _store.TryAddEventAsync(instanceId, eventName, id, payloadJson, _time.GetUtcNow(), cancellationToken);
        await _store.SendAsync(new WorkflowMessage(instanceId, -1, WorkflowMessageKind.Wake), TimeSpan.Zero, cancellationToken);
        return true;
    }

    public async Task<WorkflowInstanceStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        WorkflowKeys.ValidateInstanceId(instanceId);
        var row = await _store.GetAsync(instanceId, cancellationToken);
        return row is null ? null : ToStatus(row);
    }

    /// <summary>Ends a running instance; its pending messages become stale. Returns false when it had already ended.</summary>
    public async Task<bool> TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default)
    {
        WorkflowKeys.ValidateInstanceId(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        while (true)
        {
            var row = await _store.GetAsync(instanceId, cancellationToken)
                ?? throw new WorkflowNotFoundException($"No workflow instance '{instanceId}'.");
            if (row.IsTerminal())
            {
                return false;
            }

            var ended = WorkflowTransitions.End(row, WorkflowRuntimeStatus.Terminated, "terminate", reason, _time.GetUtcNow(), null, _options.MaxHistoryEntries);
            if (await _store.TryCommitAsync(ended, cancellationToken))
            {
                return true;
            }
        }
    }

    /// <summary>Deletes an ended instance and its buffered events. A running one must be terminated first.</summary>
    public async Task PurgeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        WorkflowKeys.ValidateInstanceId(instanceId);
        var row = await _store.GetAsync(instanceId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"No workflow instance '{instanceId}'.");
        if (!row.IsTerminal())
        {
            throw new WorkflowConflictException($"Instance '{instanceId}' is {row.Status}; terminate it before purging.");
        }

        await _store.PurgeAsync(instanceId, cancellationToken);
    }

    /// <summary>Polls until the instance ends or <paramref name="timeout"/> passes (then returns its last status).</summary>
    public async Task<WorkflowInstanceStatus> WaitForEndAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            var status = await GetStatusAsync(instanceId, cancellationToken)
                ?? throw new WorkflowNotFoundException($"No workflow instance '{instanceId}'.");
            if (status.IsTerminal || _time.GetUtcNow() >= deadline)
            {
                return status;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken);
        }
    }

    private static WorkflowInstanceStatus ToStatus(WorkflowInstanceEntity row) => new()
    {
        InstanceId = row.PartitionKey,
        Name = row.Name,
        Status = row.GetStatus(),
        Step = row.Step,
        Sequence = row.Sequence,
        Input = Parse(row.Input),
        State = Parse(row.State),
        Output = row.Output is null ? null : Parse(row.Output),
        Error = row.Error,
        WaitingForEvent = row.WaitEvent,
        WaitUntil = row.WaitUntil,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        History = JsonSerializer.Deserialize<List<HistoryEntry>>(row.History, WorkflowJson.Options) ?? [],
        HistoryCount = row.HistoryCount,
    };

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
