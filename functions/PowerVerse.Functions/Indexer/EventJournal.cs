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
    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => table.CreateIfNotExistsAsync(cancellationToken);

    public Task AppendAsync(FilterLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        return table.UpsertEntityAsync(new TableEntity(Block(log.BlockNumber.Value), Index(log.LogIndex.Value))
        {
            ["Address"] = log.Address,
            ["Topics"] = JsonSerializer.Serialize(log.Topics.Select(t => t.ToString())),
            ["Data"] = log.Data,
            ["TransactionHash"] = log.TransactionHash,
            ["BlockHash"] = log.BlockHash,
        }, TableUpdateMode.Replace, cancellationToken);
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

    private static string Block(BigInteger block) => block.ToString("D20", CultureInfo.InvariantCulture);

    private static string Index(BigInteger index) => index.ToString("D10", CultureInfo.InvariantCulture);
}
