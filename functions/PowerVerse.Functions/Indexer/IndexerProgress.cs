using System.Globalization;
using System.Numerics;
using Azure;
using Azure.Data.Tables;
using Nethereum.BlockchainProcessing.ProgressRepositories;
using Nethereum.Web3;

namespace PowerVerse.Functions.Indexer;

/// <summary>
/// Nethereum's block progress, kept in a Table row, with the hash of each block progress reached (the recent ones),
/// so the next run can tell whether the chain it indexed is still the canonical one and where it forked.
/// </summary>
public sealed class IndexerProgress(TableClient table, IWeb3 web3, IndexerOptions options) : IBlockProgressRepository
{
    private const string CursorPartition = "cursor";
    private const string HashPartition = "hash";

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => table.CreateIfNotExistsAsync(cancellationToken);

    public async Task<BigInteger?> GetLastBlockNumberProcessedAsync()
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(CursorPartition, "last");
        return row.HasValue ? BigInteger.Parse(row.Value!.GetString("Block"), CultureInfo.InvariantCulture) : null;
    }

    public async Task UpsertProgressAsync(BigInteger blockNumber)
    {
        var block = await web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new Nethereum.Hex.HexTypes.HexBigInteger(blockNumber));
        await table.UpsertEntityAsync(new TableEntity(HashPartition, Key(blockNumber)) { ["Hash"] = block.BlockHash });
        await SetLastAsync(blockNumber);
        await PruneAsync();
    }

    /// <summary>The recorded (block, hash) points, newest first.</summary>
    public async Task<IReadOnlyList<(BigInteger Block, string Hash)>> RecentAsync(CancellationToken cancellationToken)
    {
        var points = new List<(BigInteger, string)>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == HashPartition, cancellationToken: cancellationToken))
        {
            points.Add((BigInteger.Parse(row.RowKey, CultureInfo.InvariantCulture), row.GetString("Hash")));
        }

        return points.OrderByDescending(p => p.Item1).ToList();
    }

    /// <summary>Rewinds to <paramref name="block"/> (null: nothing indexed), forgetting the hashes after it.</summary>
    public async Task RewindAsync(BigInteger? block, CancellationToken cancellationToken)
    {
        foreach (var (point, _) in await RecentAsync(cancellationToken))
        {
            if (block is null || point > block)
            {
                await table.DeleteEntityAsync(HashPartition, Key(point), cancellationToken: cancellationToken);
            }
        }

        if (block is { } b)
        {
            await SetLastAsync(b);
        }
        else
        {
            await table.DeleteEntityAsync(CursorPartition, "last", ETag.All, cancellationToken);
        }
    }

    private async Task SetLastAsync(BigInteger block) =>
        await table.UpsertEntityAsync(new TableEntity(CursorPartition, "last") { ["Block"] = block.ToString(CultureInfo.InvariantCulture) });

    private async Task PruneAsync()
    {
        foreach (var (point, _) in (await RecentAsync(CancellationToken.None)).Skip(options.ReorgWindow))
        {
            await table.DeleteEntityAsync(HashPartition, Key(point));
        }
    }

    private static string Key(BigInteger block) => block.ToString("D20", CultureInfo.InvariantCulture);
}
