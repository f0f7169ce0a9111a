namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// A UID listed for sale, with what the market screen shows (resource spec, rank) so a page needs no joins.
/// Two tables hold this shape:
/// <list type="bullet">
/// <item><c>rmListings</c>: PK the UID (decimal), RK empty: the listing of one UID (<c>GET /api/usage-rights/{uid}</c>).</item>
/// <item><c>rmMarket…</c>: the market's sorted index, one row per (order, scope), in the partition's own table
/// (<see cref="ReadModelTables.Market"/>): PK <c>{order}:{scope}</c> with order
/// <c>price</c> or <c>rank</c> and scope <c>all</c>, <c>t{computeType:D10}</c> or <c>g{gpuModel:D10}</c>; RK
/// <c>{PriceKey}-{uid:D78}</c> (ascending price) or <c>{RankKey}-{PriceKey}-{uid:D78}</c> (best rank first, then
/// cheapest). Read by <c>GET /api/market/usage-rights</c>: every filter combination is one partition's range.</item>
/// </list>
/// Written from <c>ComputeMarket.Listed</c>; removed on <c>Unlisted</c>, <c>Purchased</c> and a UID <c>Transfer</c>
/// (a move ends the listing); the rank part is rewritten when the VID's rank changes.
/// </summary>
internal sealed class ListingEntity : ReadModelEntity
{
    public string Uid { get; set; } = string.Empty;

    public string Vid { get; set; } = string.Empty;

    public string Hid { get; set; } = string.Empty;

    public string Seller { get; set; } = string.Empty;

    /// <summary>The payment token (EIP-55).</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>uint256, decimal, in the token's smallest unit.</summary>
    public string Price { get; set; } = "0";

    /// <summary>The price padded to 78 digits: range filters compare it as text.</summary>
    public string PriceKey { get; set; } = string.Empty;

    public long ComputeType { get; set; }

    public long GpuModel { get; set; }

    public long DurationSeconds { get; set; }

    public long GpuShareBps { get; set; }

    public long Vcpus { get; set; }

    public long MemoryMiB { get; set; }

    public long DiskGiB { get; set; }

    /// <summary>The VID's rank score (uint256, decimal); "0" while unranked.</summary>
    public string RankScore { get; set; } = "0";

    /// <summary>The score's descending key (complement, 78 digits): best first.</summary>
    public string RankKey { get; set; } = string.Empty;

    /// <summary>The score padded to 78 digits: the min-rank filter compares it as text.</summary>
    public string RankScoreKey { get; set; } = string.Empty;

    /// <summary>Block time of the listing.</summary>
    public DateTimeOffset ListedAt { get; set; }
}
