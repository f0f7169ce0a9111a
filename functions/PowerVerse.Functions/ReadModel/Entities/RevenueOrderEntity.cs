namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// A purchase of RID shares (one <c>ComputeMarket.SharesPurchased</c>). Table <c>rmRevenueOrders</c>, three rows per
/// purchase: PK <c>all</c>, the buyer and the seller (lowercase address); RK <see cref="Keys.NewestFirst"/> of the event.
/// Read by <c>GET /api/orders/revenue-rights</c> (all, or by account; by time).
/// </summary>
internal sealed class RevenueOrderEntity : ReadModelEntity
{
    public string ListingId { get; set; } = string.Empty;

    public string Vid { get; set; } = string.Empty;

    public string Buyer { get; set; } = string.Empty;

    public string Seller { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;

    /// <summary>Shares bought (uint256, decimal).</summary>
    public string Amount { get; set; } = "0";

    public string UnitPrice { get; set; } = "0";

    /// <summary>What the buyer paid (uint256, decimal).</summary>
    public string Cost { get; set; } = "0";

    public DateTimeOffset Time { get; set; }
}
