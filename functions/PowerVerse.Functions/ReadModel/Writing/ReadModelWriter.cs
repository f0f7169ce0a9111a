using Azure;
using Azure.Data.Tables;
using PowerVerse.Functions.ReadModel.Entities;

namespace PowerVerse.Functions.ReadModel.Writing;

/// <summary>
/// The one way rows get into the read model: what the indexer's projections (and the dividend and rank updates) call.
/// Every method is idempotent — it writes the row as the record says, whatever was there — so an event applied twice,
/// or re-applied after a crash, leaves the same rows. Rows from an event are stamped with it (<see cref="ChainEvent"/>);
/// the <c>Remove…</c> methods retract rows when a reorg rewinds the event that wrote them.
/// </summary>
internal sealed partial class ReadModelWriter(ReadModelTables tables, TimeProvider time)
{
    /// <summary>Creates the read model's tables (idempotent); call once before the first projection.</summary>
    public Task EnsureTablesAsync(CancellationToken cancellationToken) => tables.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>
    /// The rows a reorg rewinding to <paramref name="fromBlock"/> must retract or rewrite: every row stamped with a
    /// block at or after it. A filtered scan of every table: reorgs are rare and shallow, queries never do this.
    /// </summary>
    public async IAsyncEnumerable<(string Table, string PartitionKey, string RowKey)> RowsWrittenSinceAsync(
        long fromBlock, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"Block ge {fromBlock}");
        foreach (var name in await tables.NamesAsync(cancellationToken))
        {
            var table = tables.Service.GetTableClient(name);
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                yield return (name, row.PartitionKey, row.RowKey);
            }
        }
    }

    private static async Task UpsertAsync(TableClient table, ReadModelEntity entity, ChainEvent source, CancellationToken cancellationToken)
    {
        entity.Stamp(source);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    private static async Task DeleteAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: deleting is idempotent.
        }
    }

    private static Task<T?> FindAsync<T>(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class, ITableEntity => ReadModelTables.FindAsync<T>(table, partitionKey, rowKey, cancellationToken);
}
