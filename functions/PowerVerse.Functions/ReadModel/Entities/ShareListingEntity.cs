namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// RID shares of one VID listed at a unit price (partial fills lower <see cref="Remaining"/>). Two tables hold this shape:
/// <list type="bullet">
/// <item><c>rmShareListings</c>: PK the listing id (decimal), RK empty.</item>
/// <item><c>rmShareMarket</c>: PK <c>all</c> or <c>v{vid:D78}</c>, RK <c>{UnitPriceKey}-{listingId:D78}</c> (cheapest
/// first). Read by <c>GET /api/market/revenue-rights</c>.</item>
/// </list>
/// Written from <c>ComputeMarket.SharesListed</c> and <c>SharesPurchased</c>; removed on <c>ShareListingCancelled</c>
/// or when nothing remains.
/// </summary>
internal sealed class ShareListingEntity : ReadModelEntity
{
    public string ListingId { get; set; } = string.Empty;

    public string Vid { get; set; } = string.Empty;

    public string Seller { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;

    /// <summary>Shares listed at first (uint256, decimal).</summary>
    public string Amount { get; set; } = "0";

    /// <summary>Shares still for sale (uint256, decimal).</summary>
    public string Remaining { get; set; } = "0";

    public string UnitPrice { get; set; } = "0";

    public string UnitPriceKey { get; set; } = string.Empty;

    public long ComputeType { get; set; }

    public long GpuModel { get; set; }

    /// <summary>The VID's RID supply, so a client can show the listed fraction.</summary>
    public string TotalShares { get; set; } = "0";
}
