using System.Numerics;
using PowerVerse.Functions.ReadModel.Entities;

namespace PowerVerse.Functions.ReadModel.Writing;

/// <summary>The RID market (ComputeMarket <c>SharesListed</c>, <c>SharesPurchased</c>, <c>ShareListingCancelled</c>).</summary>
internal sealed partial class ReadModelWriter
{
    public const string AllShareListings = "all";

    /// <summary>Lists RID shares or records what remains after a partial fill; nothing remaining removes the listing.</summary>
    public async Task UpsertShareListingAsync(ShareListingRecord record, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Remaining.IsZero)
        {
            await RemoveShareListingAsync(record.ListingId, cancellationToken);
            return;
        }

        var entity = new ShareListingEntity
        {
            PartitionKey = Keys.Id(record.ListingId), ListingId = Keys.Id(record.ListingId), Vid = Keys.Id(record.Vid),
            Seller = Addresses.Normalize(record.Seller), Token = Addresses.Normalize(record.Token), Amount = Keys.Id(record.Amount),
            Remaining = Keys.Id(record.Remaining), UnitPrice = Keys.Id(record.UnitPrice), UnitPriceKey = Keys.Sortable(record.UnitPrice),
            ComputeType = record.ComputeType, GpuModel = record.GpuModel, TotalShares = Keys.Id(record.TotalShares),
        };
        entity.Stamp(source);
        var previous = await FindAsync<ShareListingEntity>(tables.ShareListings, entity.PartitionKey, string.Empty, cancellationToken);
        var keys = ShareMarketKeys(entity).ToList();
        if (previous is not null)
        {
            await Task.WhenAll(ShareMarketKeys(previous).Except(keys).Select(k => DeleteAsync(tables.ShareMarket, k.PartitionKey, k.RowKey, cancellationToken)));
        }

        await Task.WhenAll(keys.Select(k => tables.ShareMarket.UpsertEntityAsync(
            entity.Rekeyed<ShareListingEntity>(k.PartitionKey, k.RowKey), Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken)));
        await tables.ShareListings.UpsertEntityAsync(entity, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveShareListingAsync(BigInteger listingId, CancellationToken cancellationToken)
    {
        var previous = await FindAsync<ShareListingEntity>(tables.ShareListings, Keys.Id(listingId), string.Empty, cancellationToken);
        if (previous is null)
        {
            return;
        }

        await Task.WhenAll(ShareMarketKeys(previous).Select(k => DeleteAsync(tables.ShareMarket, k.PartitionKey, k.RowKey, cancellationToken)));
        await DeleteAsync(tables.ShareListings, previous.PartitionKey, string.Empty, cancellationToken);
    }

    internal static string ShareScopeOfVid(BigInteger vid) => "v" + Keys.Sortable(vid);

    private static IEnumerable<(string PartitionKey, string RowKey)> ShareMarketKeys(ShareListingEntity listing)
    {
        var vid = BigInteger.Parse(listing.Vid, System.Globalization.CultureInfo.InvariantCulture);
        var rowKey = $"{listing.UnitPriceKey}-{Keys.Sortable(BigInteger.Parse(listing.ListingId, System.Globalization.CultureInfo.InvariantCulture))}";
        yield return (AllShareListings, rowKey);
        yield return (ShareScopeOfVid(vid), rowKey);
    }
}
