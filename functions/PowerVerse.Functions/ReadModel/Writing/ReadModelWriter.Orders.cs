using System.Numerics;
using PowerVerse.Functions.ReadModel.Entities;

namespace PowerVerse.Functions.ReadModel.Writing;

/// <summary>Order histories: UID sales (<c>Purchased</c>, <c>Settled</c>, <c>Refunded</c>) and RID purchases (<c>SharesPurchased</c>).</summary>
internal sealed partial class ReadModelWriter
{
    public const string AllOrders = "all";

    /// <summary>The partition of escrows not settled yet, by the end of their rental: what the settlement timer looks at.</summary>
    public const string EscrowedOrders = "escrowed";

    /// <summary>Records the sale of a UID; <paramref name="source"/> is its <c>Purchased</c> event (it orders the history).</summary>
    public Task AddUsageOrderAsync(UsageOrderRecord record, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(source);
        var entity = new UsageOrderEntity
        {
            Uid = Keys.Id(record.Uid), Vid = Keys.Id(record.Vid), Buyer = Addresses.Normalize(record.Buyer), Seller = Addresses.Normalize(record.Seller),
            Token = Addresses.Normalize(record.Token), Price = Keys.Id(record.Price), Expires = record.Expires, ComputeType = record.ComputeType,
            GpuModel = record.GpuModel, Time = record.Time, OrderKey = Keys.NewestFirst(source.Block, source.LogIndex),
        };
        entity.Stamp(source);
        return WriteUsageOrderAsync(entity, cancellationToken);
    }

    /// <summary>Updates the sale of a UID after <c>Settled</c> (<paramref name="state"/> <c>settled</c>) or <c>Refunded</c>.</summary>
    public async Task UpdateUsageOrderAsync(BigInteger uid, string state, BigInteger refunded, ChainEvent source, CancellationToken cancellationToken)
    {
        var order = await FindAsync<UsageOrderEntity>(tables.UsageOrders, UsageOrderPartition(uid), string.Empty, cancellationToken)
            ?? throw new InvalidOperationException($"No sale of UID {uid} is indexed.");
        order.State = state;
        order.Refunded = Keys.Id(refunded);
        order.ETag = default;
        order.Stamp(source);
        await WriteUsageOrderAsync(order, cancellationToken);
        if (state != UsageOrderEntity.Escrowed)
        {
            await DeleteAsync(tables.UsageOrders, EscrowedOrders, EscrowKey(order), cancellationToken);
        }
    }

    /// <summary>Retracts the sale of a UID (its <c>Purchased</c> event was rewound).</summary>
    public async Task RemoveUsageOrderAsync(BigInteger uid, CancellationToken cancellationToken)
    {
        var order = await FindAsync<UsageOrderEntity>(tables.UsageOrders, UsageOrderPartition(uid), string.Empty, cancellationToken);
        if (order is not null)
        {
            await Task.WhenAll(UsageOrderKeys(order).Append((PartitionKey: EscrowedOrders, RowKey: EscrowKey(order)))
                .Distinct().Select(k => DeleteAsync(tables.UsageOrders, k.PartitionKey, k.RowKey, cancellationToken)));
        }
    }

    /// <summary>Records a purchase of RID shares; <paramref name="source"/> is its <c>SharesPurchased</c> event.</summary>
    public Task AddRevenueOrderAsync(RevenueOrderRecord record, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(source);
        var entity = new RevenueOrderEntity
        {
            ListingId = Keys.Id(record.ListingId), Vid = Keys.Id(record.Vid), Buyer = Addresses.Normalize(record.Buyer),
            Seller = Addresses.Normalize(record.Seller), Token = Addresses.Normalize(record.Token), Amount = Keys.Id(record.Amount),
            UnitPrice = Keys.Id(record.UnitPrice), Cost = Keys.Id(record.Cost), Time = record.Time,
        };
        entity.Stamp(source);
        var rowKey = Keys.NewestFirst(source.Block, source.LogIndex);
        return Task.WhenAll(OrderPartitions(entity.Buyer, entity.Seller).Select(pk => tables.RevenueOrders.UpsertEntityAsync(
            entity.Rekeyed<RevenueOrderEntity>(pk, rowKey), Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken)));
    }

    /// <summary>Retracts a purchase of RID shares by its event (rewound), with the buyer and seller it was recorded under.</summary>
    public Task RemoveRevenueOrderAsync(ChainEvent source, string buyer, string seller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var rowKey = Keys.NewestFirst(source.Block, source.LogIndex);
        return Task.WhenAll(OrderPartitions(buyer, seller).Select(pk => DeleteAsync(tables.RevenueOrders, pk, rowKey, cancellationToken)));
    }

    internal static string UsageOrderPartition(BigInteger uid) => "u" + Keys.Sortable(uid);

    private async Task WriteUsageOrderAsync(UsageOrderEntity order, CancellationToken cancellationToken) =>
        await Task.WhenAll(UsageOrderKeys(order).Select(k => tables.UsageOrders.UpsertEntityAsync(
            order.Rekeyed<UsageOrderEntity>(k.PartitionKey, k.RowKey), Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken)));

    /// <summary>The sale's rows: under <c>all</c>, the buyer and the seller, its UID's, and while it is escrowed its row under <see cref="EscrowedOrders"/>.</summary>
    private static IEnumerable<(string PartitionKey, string RowKey)> UsageOrderKeys(UsageOrderEntity order)
    {
        var keys = OrderPartitions(order.Buyer, order.Seller).Select(pk => (pk, order.OrderKey))
            .Append((UsageOrderPartition(BigInteger.Parse(order.Uid, System.Globalization.CultureInfo.InvariantCulture)), string.Empty));
        return order.State == UsageOrderEntity.Escrowed ? keys.Append((EscrowedOrders, EscrowKey(order))) : keys;
    }

    /// <summary>The end of the rental (19 digits) then the UID (78): ended escrows sort first, and a range query finds them.</summary>
    internal static string EscrowKey(UsageOrderEntity order) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{order.Expires:D19}-{Keys.Sortable(BigInteger.Parse(order.Uid, System.Globalization.CultureInfo.InvariantCulture))}");

    private static IEnumerable<string> OrderPartitions(string buyer, string seller) =>
        new[] { AllOrders, Keys.Account(buyer), Keys.Account(seller) }.Distinct(StringComparer.Ordinal);
}
