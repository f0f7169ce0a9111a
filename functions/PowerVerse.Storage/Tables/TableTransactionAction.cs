using Azure;

namespace PowerVerse.Storage.Tables;

/// <summary>One operation of an entity group transaction; <paramref name="etag"/> guards updates and deletes (default: unconditional).</summary>
public sealed class TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity, ETag etag = default)
{
    public TableTransactionActionType ActionType { get; } = actionType;

    public ITableEntity Entity { get; } = entity ?? throw new ArgumentNullException(nameof(entity));

    public ETag ETag { get; } = etag;
}
