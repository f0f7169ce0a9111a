using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Azure.Data.Tables;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;

namespace PowerVerse.Functions.Indexer;

/// <summary>
/// Every indexed log as the node returned it, one row per (block, log index) — partition = block number, zero-padded
/// so blocks sort — holding its transaction hash. Writing a log twice writes the same row. After a reorg the rows of
/// the rewound blocks are deleted and the remaining journal is what the read model is rebuilt from.
/// </summary>
public sealed class EventJournal(TableClient table)
{
    // Table Storage's limit on one entity-group transaction.
    private const int MaxBatch = 100;

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>
    /// Writes the logs: one entity-group transaction per block (its logs share the partition), blocks in parallel.
    /// Writing a log again replaces its row with the same content.
    /// </summary>
    public Task AppendAsync(IReadOnlyList<FilterLog> logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var batches = logs.GroupBy(l => Block(l.BlockNumber.Value)).SelectMany(block => block.Chunk(MaxBatch)).ToList();
        return Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (batch, ct) =>
            await table.SubmitTransactionAsync(batch.Select(l => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row(l))), ct));
    }

    /// <summary>The journal in chain order.</summary>
    public async IAsyncEnumerable<FilterLog> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            yield return new FilterLog
            {
                Address = row.GetString("Address"),
                Topics = JsonSerializer.Deserialize<string[]>(row.GetString("Topics"))!.Cast<object>().ToArray(),
                Data = row.GetString("Data"),
                TransactionHash = row.GetString("TransactionHash"),
                BlockHash = row.GetString("BlockHash"),
                BlockNumber = new HexBigInteger(BigInteger.Parse(row.PartitionKey, CultureInfo.InvariantCulture)),
                LogIndex = new HexBigInteger(BigInteger.Parse(row.RowKey, CultureInfo.InvariantCulture)),
            };
        }
    }

    /// <summary>Deletes the logs of every block after <paramref name="block"/>; returns how many.</summary>
    public async Task<int> RetractAfterAsync(BigInteger block, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey gt {Block(block)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            deleted++;
        }

        return deleted;
    }

    private static TableEntity Row(FilterLog log) => new(Block(log.BlockNumber.Value), Index(log.LogIndex.Value))
    {
        ["Address"] = log.Address,
        ["Topics"] = JsonSerializer.Serialize(log.Topics.Select(t => t.ToString())),
        ["Data"] = log.Data,
        ["TransactionHash"] = log.TransactionHash,
        ["BlockHash"] = log.BlockHash,
    };

    private static string Block(BigInteger block) => block.ToString("D20", CultureInfo.InvariantCulture);

    private static string Index(BigInteger index) => index.ToString("D10", CultureInfo.InvariantCulture);
}
