using Azure.Data.Tables;
using PowerVerse.Functions.ReadModel.Entities;
using PowerVerse.Views;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.ReadModel.Queries;

/// <summary>
/// The markets. Every filter combination reads one partition of an index in key order: the GPU model's (or compute
/// type's, or everything's) rows sorted by padded price or rank, a price range being a RowKey range when sorted by price.
/// The remaining filters are server-side property filters, built with <see cref="TableClient.CreateQueryFilter"/>.
/// </summary>
public sealed class MarketQueries
{
    private readonly ReadModelTables _tables;

    internal MarketQueries(ReadModelTables tables) => _tables = tables;

    public async Task<StoragePage<ListingView>> UsageRightsAsync(UsageMarketFilter filter, int pageSize, string? storageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var byPrice = filter.Sort == ReadModelWriter.PriceOrder;
        var scope = filter.GpuModel is { } model ? ReadModelWriter.ScopeOfGpuModel(model)
            : filter.ComputeType is { } type ? ReadModelWriter.ScopeOfComputeType(type)
            : "all";
        var partition = ReadModelWriter.MarketPartition(byPrice ? ReadModelWriter.PriceOrder : ReadModelWriter.RankOrder, scope);
        var parts = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {partition}") };
        if (filter.GpuModel is not null && filter.ComputeType is { } computeType)
        {
            parts.Add(TableClient.CreateQueryFilter($"ComputeType eq {(long)computeType}"));
        }

        if (filter.MinPrice is { } min)
        {
            parts.Add(byPrice ? TableClient.CreateQueryFilter($"RowKey ge {Keys.Sortable(min)}") : TableClient.CreateQueryFilter($"PriceKey ge {Keys.Sortable(min)}"));
        }

        if (filter.MaxPrice is { } max)
        {
            // Row keys are "{price}-{uid}": every key of a price sorts below "{price}." ('-' < '.').
            parts.Add(byPrice ? TableClient.CreateQueryFilter($"RowKey lt {Keys.Sortable(max) + "."}") : TableClient.CreateQueryFilter($"PriceKey le {Keys.Sortable(max)}"));
        }

        if (filter.Token is { } token)
        {
            parts.Add(TableClient.CreateQueryFilter($"Token eq {Addresses.Normalize(token)}"));
        }

        if (filter.MinRank is { } rank)
        {
            parts.Add(TableClient.CreateQueryFilter($"RankScoreKey ge {Keys.Sortable(rank)}"));
        }

        var page = await TablePager.ReadAsync<ListingEntity>(_tables.Market(partition), string.Join(" and ", parts), pageSize, storageToken, cancellationToken);
        return new(page.Items.Select(ViewMapping.Listing).ToList(), page.StorageToken);
    }

    public async Task<StoragePage<ShareListingView>> RevenueRightsAsync(ShareMarketFilter filter, int pageSize, string? storageToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var partition = filter.Vid is { } vid ? ReadModelWriter.ShareScopeOfVid(vid) : ReadModelWriter.AllShareListings;
        var parts = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {partition}") };
        if (filter.MinUnitPrice is { } min)
        {
            parts.Add(TableClient.CreateQueryFilter($"RowKey ge {Keys.Sortable(min)}"));
        }

        if (filter.MaxUnitPrice is { } max)
        {
            parts.Add(TableClient.CreateQueryFilter($"RowKey lt {Keys.Sortable(max) + "."}"));
        }

        if (filter.Token is { } token)
        {
            parts.Add(TableClient.CreateQueryFilter($"Token eq {Addresses.Normalize(token)}"));
        }

        var page = await TablePager.ReadAsync<ShareListingEntity>(_tables.ShareMarket, string.Join(" and ", parts), pageSize, storageToken, cancellationToken);
        return new(page.Items.Select(ViewMapping.ShareListing).ToList(), page.StorageToken);
    }
}
