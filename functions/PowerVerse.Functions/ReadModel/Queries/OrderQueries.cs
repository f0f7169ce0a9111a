using Azure.Data.Tables;
using PowerVerse.Functions.ReadModel.Entities;
using PowerVerse.Views;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.ReadModel.Queries;

/// <summary>Order histories (seed 000's "成交订单" screens): one partition per account, or the global one, newest first.</summary>
public sealed class OrderQueries
{
    private readonly ReadModelTables _tables;

    internal OrderQueries(ReadModelTables tables) => _tables = tables;

    public async Task<StoragePage<UsageOrderView>> UsageOrdersAsync(OrderFilter filter, int pageSize, string? storageToken, CancellationToken cancellationToken)
    {
        var page = await TablePager.ReadAsync<UsageOrderEntity>(_tables.UsageOrders, Filter(filter), pageSize, storageToken, cancellationToken);
        return new(page.Items.Select(ViewMapping.UsageOrder).ToList(), page.StorageToken);
    }

    public async Task<StoragePage<RevenueOrderView>> RevenueOrdersAsync(OrderFilter filter, int pageSize, string? storageToken, CancellationToken cancellationToken)
    {
        var page = await TablePager.ReadAsync<RevenueOrderEntity>(_tables.RevenueOrders, Filter(filter), pageSize, storageToken, cancellationToken);
        return new(page.Items.Select(ViewMapping.RevenueOrder).ToList(), page.StorageToken);
    }

    private static string Filter(OrderFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var partition = filter.Account is { } account ? Keys.Account(account) : ReadModelWriter.AllOrders;
        var parts = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {partition}") };
        if (filter.From is { } from)
        {
            parts.Add(TableClient.CreateQueryFilter($"Time ge {from}"));
        }

        if (filter.To is { } to)
        {
            parts.Add(TableClient.CreateQueryFilter($"Time lt {to}"));
        }

        return string.Join(" and ", parts);
    }
}
