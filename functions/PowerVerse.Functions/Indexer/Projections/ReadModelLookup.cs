using System.Numerics;
using Azure.Data.Tables;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.ReadModel.Entities;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>
/// The few things a projection asks of the read model itself. Events are applied in chain order (and replayed in chain
/// order after a reset), so what these answer for an event is what the earlier events wrote, whenever it runs.
/// </summary>
internal sealed class ReadModelLookup(ReadModelTables tables)
{
    /// <summary>
    /// Whether the read model knows the account (it holds an asset, or has a balance row): only such accounts get
    /// balance rows, so a public token's thousands of holders do not each become a row.
    /// </summary>
    public async Task<bool> IsKnownAsync(string account, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Keys.Account(account)}");
        return await AnyAsync(tables.Holdings, filter, cancellationToken) || await AnyAsync(tables.Balances, filter, cancellationToken);
    }

    /// <summary>The accounts holding RID shares of a VID (a filtered scan: one per income deposit, that is per settlement).</summary>
    public async Task<IReadOnlyList<string>> RevenueHoldersAsync(BigInteger vid, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {HoldingKinds.RevenueRight + "-" + Keys.Sortable(vid)}");
        var holders = new List<string>();
        await foreach (var row in tables.Holdings.QueryAsync<HoldingEntity>(filter, select: ["Account"], cancellationToken: cancellationToken))
        {
            holders.Add(row.Account);
        }

        return holders;
    }

    /// <summary>An account's dividend leaf of an epoch, as the dividend orchestration wrote it; null if it did not.</summary>
    public Task<DividendEntity?> DividendAsync(BigInteger epoch, string account, CancellationToken cancellationToken) =>
        ReadModelTables.FindAsync<DividendEntity>(tables.Dividends, Keys.Id(epoch), Keys.Account(account), cancellationToken);

    private static async Task<bool> AnyAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }
}
