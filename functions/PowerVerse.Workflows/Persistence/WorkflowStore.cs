using Azure;
using PowerVerse.Storage.Queues;
using PowerVerse.Storage.Tables;

namespace PowerVerse.Workflows.Persistence;

/// <summary>
/// Instance rows, buffered event rows (same partition as their instance) and the steps queue.
/// Every write that moves an instance is conditional on the ETag it was read with.
/// </summary>
internal sealed class WorkflowStore(TableClient table, QueueClient queue, WorkflowOptions options)
{
    private const string EventPrefix = "evt|";

    /// <summary>Messages never expire on their own: a timer hop may wait up to <see cref="WorkflowOptions.MaxTimerHop"/>.</summary>
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    public QueueClient Queue => queue;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await table.CreateIfNotExistsAsync(cancellationToken);
        await queue.CreateIfNotExistsAsync(cancellationToken);
        await queue.GetPoisonQueueClient().CreateIfNotExistsAsync(cancellationToken);
    }

    public async Task<WorkflowInstanceEntity?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<WorkflowInstanceEntity>(instanceId, WorkflowInstanceEntity.InstanceRowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Inserts a new instance; false when the id is taken.</summary>
    public async Task<bool> TryInsertAsync(WorkflowInstanceEntity instance, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(instance, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Replaces the instance under the ETag it was read with; false when someone else moved it first.</summary>
    public async Task<bool> TryCommitAsync(WorkflowInstanceEntity instance, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(instance, instance.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Commits the instance and deletes the event it consumed in one entity-group transaction, so an event is
    /// consumed exactly when the transition it caused is committed.
    /// </summary>
    public async Task<bool> TryCommitConsumingEventAsync(WorkflowInstanceEntity instance, TableEntity consumedEvent, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, instance, instance.ETag),
                new TableTransactionAction(TableTransactionActionType.Delete, consumedEvent, consumedEvent.ETag),
            ], cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Buffers an event; false when an event with that id was raised before (raising is idempotent).</summary>
    public async Task<bool> TryAddEventAsync(string instanceId, string eventName, string eventId, string payloadJson, DateTimeOffset raisedAt, CancellationToken cancellationToken)
    {
        var row = new TableEntity(instanceId, $"{EventPrefix}{eventName}|{eventId}")
        {
            ["Name"] = eventName,
            ["Payload"] = payloadJson,
            ["RaisedAt"] = raisedAt,
        };
        try
        {
            await table.AddEntityAsync(row, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The earliest buffered event of that name, if any.</summary>
    public async Task<TableEntity?> FindEventAsync(string instanceId, string eventName, CancellationToken cancellationToken)
    {
        var prefix = $"{EventPrefix}{eventName}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and RowKey ge {prefix} and RowKey lt {prefix + '\uffff'}");
        TableEntity? earliest = null;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (earliest is null || row.GetDateTimeOffset("RaisedAt") < earliest.GetDateTimeOffset("RaisedAt"))
            {
                earliest = row;
            }
        }

        return earliest;
    }

    /// <summary>Deletes the instance and everything buffered for it.</summary>
    public async Task PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        foreach (var chunk in rows.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
        }
    }

    public Task SendAsync(WorkflowMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        var hop = delay <= TimeSpan.Zero ? TimeSpan.Zero : delay > options.MaxTimerHop ? options.MaxTimerHop : delay;
        return queue.SendMessageAsync(message.Serialize(), hop, NeverExpires, cancellationToken);
    }
}
