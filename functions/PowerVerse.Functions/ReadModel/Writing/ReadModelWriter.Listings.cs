using System.Numerics;
using PowerVerse.Functions.ReadModel.Entities;

namespace PowerVerse.Functions.ReadModel.Writing;

/// <summary>The UID market (ComputeMarket <c>Listed</c>, <c>Unlisted</c>, <c>Purchased</c>): a listing and its sorted index rows.</summary>
internal sealed partial class ReadModelWriter
{
    public const string PriceOrder = "price";
    public const string RankOrder = "rank";

    /// <summary>Lists a UID (or re-lists it at a new price); the VID's current rank is copied in for sorting.</summary>
    public async Task UpsertListingAsync(ListingRecord record, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var rank = await FindAsync<RankEntity>(tables.Ranks, Keys.Id(record.Vid), string.Empty, cancellationToken);
        var entity = new ListingEntity
        {
            PartitionKey = Keys.Id(record.Uid), Uid = Keys.Id(record.Uid), Vid = Keys.Id(record.Vid), Hid = Keys.Id(record.Hid),
            Seller = Addresses.Normalize(record.Seller), Token = Addresses.Normalize(record.Token), Price = Keys.Id(record.Price),
            PriceKey = Keys.Sortable(record.Price), ComputeType = record.ComputeType, GpuModel = record.GpuModel,
            DurationSeconds = record.DurationSeconds, GpuShareBps = record.GpuShareBps, Vcpus = record.Vcpus, MemoryMiB = record.MemoryMiB,
            DiskGiB = record.DiskGiB, ListedAt = record.ListedAt,
        };
        SetRank(entity, rank is null ? BigInteger.Zero : BigInteger.Parse(rank.Score, System.Globalization.CultureInfo.InvariantCulture));
        entity.Stamp(source);
        await WriteListingAsync(entity, cancellationToken);
    }

    /// <summary>Ends a UID's listing (unlisted, sold, or moved); nothing happens when it is not listed.</summary>
    public async Task RemoveListingAsync(BigInteger uid, CancellationToken cancellationToken)
    {
        var previous = await FindAsync<ListingEntity>(tables.Listings, Keys.Id(uid), string.Empty, cancellationToken);
        if (previous is null)
        {
            return;
        }

        // Index rows first, the listing last: a crash in between leaves the listing, so a retry finds its rows again.
        await Task.WhenAll(MarketKeys(previous).Select(k => DeleteAsync(tables.Market(k.PartitionKey), k.PartitionKey, k.RowKey, cancellationToken)));
        await DeleteAsync(tables.Listings, previous.PartitionKey, string.Empty, cancellationToken);
    }

    /// <summary>The market index rows of a listing: (order, scope) partitions, sorted row keys.</summary>
    internal static IEnumerable<(string PartitionKey, string RowKey)> MarketKeys(ListingEntity listing)
    {
        var uid = Keys.Sortable(BigInteger.Parse(listing.Uid, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var scope in MarketScopes(listing.ComputeType, listing.GpuModel))
        {
            yield return (MarketPartition(PriceOrder, scope), $"{listing.PriceKey}-{uid}");
            yield return (MarketPartition(RankOrder, scope), $"{listing.RankKey}-{listing.PriceKey}-{uid}");
        }
    }

    internal static string[] MarketScopes(long computeType, long gpuModel) =>
        ["all", ScopeOfComputeType(computeType), ScopeOfGpuModel(gpuModel)];

    internal static string ScopeOfComputeType(long computeType) => "t" + Keys.Small(computeType);

    internal static string ScopeOfGpuModel(long gpuModel) => "g" + Keys.Small(gpuModel);

    internal static string MarketPartition(string order, string scope) => $"{order}:{scope}";

    private static void SetRank(ListingEntity listing, BigInteger score)
    {
        listing.RankScore = Keys.Id(score);
        listing.RankScoreKey = Keys.Sortable(score);
        listing.RankKey = Keys.Descending(score);
    }

    /// <summary>Rewrites a listing's rows; rows of its previous version under other keys are deleted first.</summary>
    private async Task WriteListingAsync(ListingEntity entity, CancellationToken cancellationToken)
    {
        entity.RowKey = string.Empty;
        var previous = await FindAsync<ListingEntity>(tables.Listings, entity.PartitionKey, string.Empty, cancellationToken);
        var keys = MarketKeys(entity).ToList();
        if (previous is not null)
        {
            var stale = MarketKeys(previous).Except(keys).ToList();
            await Task.WhenAll(stale.Select(k => DeleteAsync(tables.Market(k.PartitionKey), k.PartitionKey, k.RowKey, cancellationToken)));
        }

        await Task.WhenAll(keys.Select(async k =>
        {
            var table = tables.Market(k.PartitionKey);
            await tables.EnsureCreatedAsync(table);
            await table.UpsertEntityAsync(entity.Rekeyed<ListingEntity>(k.PartitionKey, k.RowKey), Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
        }));
        await tables.Listings.UpsertEntityAsync(entity, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Re-sorts the live listing of a VID after its rank changed (the bound UID, if it is listed).</summary>
    private async Task ReRankListingAsync(BigInteger vid, BigInteger score, CancellationToken cancellationToken)
    {
        var resource = await FindAsync<ResourceEntity>(tables.Resources, Keys.Id(vid), string.Empty, cancellationToken);
        if (resource is not { BoundUid.Length: > 0 })
        {
            return;
        }

        var listing = await FindAsync<ListingEntity>(tables.Listings, resource.BoundUid, string.Empty, cancellationToken);
        if (listing is null || listing.RankScore == Keys.Id(score))
        {
            return;
        }

        SetRank(listing, score);
        listing.ETag = default;
        await WriteListingAsync(listing, cancellationToken);
    }
}
