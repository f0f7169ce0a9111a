using System.Globalization;
using System.Numerics;
using Azure;
using Azure.Data.Tables;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.ReadModel.Entities;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>
/// The read model's escrows not settled yet whose rental ended by a time (the <c>escrowed</c> partition of the usage
/// orders, keyed by end): candidates only — the settlement timer asks the chain about each.
/// </summary>
public sealed class DueEscrows
{
    private readonly ReadModelTables _tables;

    internal DueEscrows(ReadModelTables tables) => _tables = tables;

    /// <summary>Up to <paramref name="max"/> escrows whose rental ended at or before <paramref name="endedBy"/> (unix seconds), earliest end first.</summary>
    public async Task<IReadOnlyList<(BigInteger Uid, BigInteger Vid, long End)>> EndedByAsync(long endedBy, int max, CancellationToken cancellationToken)
    {
        var upper = (endedBy + 1).ToString("D19", CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReadModelWriter.EscrowedOrders} and RowKey lt {upper}");
        var due = new List<(BigInteger, BigInteger, long)>();
        try
        {
            await foreach (var row in _tables.UsageOrders.QueryAsync<UsageOrderEntity>(
                filter, maxPerPage: Math.Min(max, 1000), select: [nameof(UsageOrderEntity.Uid), nameof(UsageOrderEntity.Vid), nameof(UsageOrderEntity.Expires)], cancellationToken: cancellationToken))
            {
                due.Add((BigInteger.Parse(row.Uid, CultureInfo.InvariantCulture), BigInteger.Parse(row.Vid, CultureInfo.InvariantCulture), row.Expires));
                if (due.Count == max)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No order was ever indexed.
        }

        return due;
    }
}
