using Azure;
using Azure.Data.Tables;

namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// What every read-model row has: its keys, and the chain event that last wrote it (<see cref="ChainEvent"/>), so a
/// reorg can retract it. Values are stored as Table Storage types: uint256 amounts and ids as decimal strings,
/// addresses EIP-55, small numbers (uint32 and below) as Int64.
/// </summary>
internal abstract class ReadModelEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>Block of the event that last wrote the row (0: not written from an event).</summary>
    public long Block { get; set; }

    public string TxHash { get; set; } = string.Empty;

    public int LogIndex { get; set; }

    /// <summary>A copy of this row under other keys (the rows of a secondary index).</summary>
    internal T Rekeyed<T>(string partitionKey, string rowKey)
        where T : ReadModelEntity
    {
        var copy = (T)MemberwiseClone();
        copy.PartitionKey = partitionKey;
        copy.RowKey = rowKey;
        copy.ETag = default;
        copy.Timestamp = null;
        return copy;
    }

    internal void Stamp(ChainEvent source)
    {
        Block = source.Block;
        TxHash = source.TxHash;
        LogIndex = source.LogIndex;
    }
}
