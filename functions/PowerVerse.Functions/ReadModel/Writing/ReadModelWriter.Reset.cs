using Azure;
using Azure.Data.Tables;
using PowerVerse.Functions.ReadModel.Entities;

namespace PowerVerse.Functions.ReadModel.Writing;

/// <summary>Forgetting what the chain events wrote, so the indexer can rebuild it from its journal after a reorg.</summary>
internal sealed partial class ReadModelWriter
{
    /// <summary>
    /// Deletes every row written from chain events, in every table; the dividend leaves stay (the dividend orchestration
    /// wrote them and their Merkle proofs are not on chain), with their <c>Claimed</c> flag cleared for the replayed
    /// <c>DividendClaimed</c> events to set again. Idempotent.
    /// </summary>
    public async Task ClearProjectedAsync(CancellationToken cancellationToken)
    {
        // Every table named rm…, whether fixed or made on demand, is the read model's.
        var names = new List<string>();
        await foreach (var table in tables.Service.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {"rm"} and TableName lt {"rn"}"), cancellationToken: cancellationToken))
        {
            names.Add(table.Name);
        }

        foreach (var name in names.Where(n => n != ReadModelTables.DividendsName))
        {
            await DeleteAllAsync(tables.Service.GetTableClient(name), cancellationToken);
        }

        try
        {
            await foreach (var leaf in tables.Dividends.QueryAsync<DividendEntity>(d => d.Claimed, cancellationToken: cancellationToken))
            {
                leaf.Claimed = false;
                leaf.Stamp(ChainEvent.None);
                await tables.Dividends.UpdateEntityAsync(leaf, ETag.All, TableUpdateMode.Replace, cancellationToken);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No dividend table yet: nothing was claimed.
        }
    }

    private static async Task DeleteAllAsync(TableClient table, CancellationToken cancellationToken)
    {
        var rows = new List<(string PartitionKey, string RowKey)>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                rows.Add((row.PartitionKey, row.RowKey));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return;
        }

        // Entity-group transactions take up to 100 rows of one partition.
        foreach (var partition in rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                await table.SubmitTransactionAsync(
                    chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(r.PartitionKey, r.RowKey), ETag.All)),
                    cancellationToken);
            }
        }
    }
}
