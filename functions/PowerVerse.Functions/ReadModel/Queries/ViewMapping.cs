using PowerVerse.Functions.ReadModel.Entities;
using PowerVerse.Views;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.ReadModel.Queries;

/// <summary>Rows to the API's records; nullable strings where an empty column means "none".</summary>
internal static class ViewMapping
{
    public static ChainRefView Source(ReadModelEntity row) => new(row.Block, row.TxHash, row.LogIndex);

    public static string? OrNull(string value) => value.Length == 0 ? null : value;

    public static ListingView Listing(ListingEntity l) => new(
        l.Uid, l.Vid, l.Hid, l.Seller, l.Token, l.Price, l.ComputeType, l.GpuModel, l.DurationSeconds, l.GpuShareBps, l.Vcpus,
        l.MemoryMiB, l.DiskGiB, l.RankScore, l.ListedAt);

    public static ShareListingView ShareListing(ShareListingEntity s) => new(
        s.ListingId, s.Vid, s.Seller, s.Token, s.Amount, s.Remaining, s.UnitPrice, s.ComputeType, s.GpuModel, s.TotalShares);

    public static UsageOrderView UsageOrder(UsageOrderEntity o) => new(
        o.Uid, o.Vid, o.Buyer, o.Seller, o.Token, o.Price, o.Expires, o.ComputeType, o.GpuModel, o.Time, o.State, o.Refunded, Source(o));

    public static RevenueOrderView RevenueOrder(RevenueOrderEntity o) => new(
        o.ListingId, o.Vid, o.Buyer, o.Seller, o.Token, o.Amount, o.UnitPrice, o.Cost, o.Time, Source(o));

    public static ProofView Proof(ProofEntity p) => new(
        p.ChallengeId, p.Vid, p.Hid, p.ComputeType, p.Requester, OrNull(p.Agent), p.Status, p.Difficulty, p.Shares, p.DeadlineSeconds,
        p.RequestedAt, p.Deadline, p.Work, p.ElapsedMs, p.StartedAt, p.FinishedAt, p.HashRate, p.CompletedAt, Source(p));

    public static RankView Rank(RankEntity r) => new(
        r.Vid, r.Hid, r.ComputeType, r.GpuModel, r.Score, r.HashRate, r.SuccessBps, r.UptimeBps, r.Verified, r.Missed,
        new RankWindowView(r.Verified + r.Missed, RankCalculator.Window, r.WindowFrom, r.WindowTo, r.DowntimeSeconds), r.UpdatedAt);
}
