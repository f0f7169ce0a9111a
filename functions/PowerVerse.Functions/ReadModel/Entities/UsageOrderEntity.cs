namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// A sale of a UID (one <c>ComputeMarket.Purchased</c>; a UID is sold once). Table <c>rmUsageOrders</c>, rows per sale:
/// PK <c>all</c>, PK the buyer and PK the seller (lowercase address), each with RK <see cref="Keys.NewestFirst"/> of the
/// event (newest first); and PK <c>u{uid:D78}</c>, RK empty, to find the sale of a UID. Read by
/// <c>GET /api/orders/usage-rights</c> (all, or by account; by time). Settlement and SLA refunds (<c>Settled</c>,
/// <c>Refunded</c>) update the same rows. While the sale is escrowed it also has a row under PK <c>escrowed</c>, RK the
/// rental's end (19 digits) and the UID (78), removed at settlement: the settlement timer's range query of ended escrows.
/// </summary>
internal sealed class UsageOrderEntity : ReadModelEntity
{
    public string Uid { get; set; } = string.Empty;

    public string Vid { get; set; } = string.Empty;

    public string Buyer { get; set; } = string.Empty;

    public string Seller { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;

    public string Price { get; set; } = "0";

    /// <summary>Unix seconds the rental ends.</summary>
    public long Expires { get; set; }

    public long ComputeType { get; set; }

    public long GpuModel { get; set; }

    /// <summary>Block time of the sale.</summary>
    public DateTimeOffset Time { get; set; }

    public const string Escrowed = "escrowed";

    /// <summary><c>escrowed</c>, <c>settled</c>.</summary>
    public string State { get; set; } = Escrowed;

    /// <summary>The RK of the sale's rows under <c>all</c>, buyer and seller.</summary>
    public string OrderKey { get; set; } = string.Empty;

    /// <summary>Refunded to the buyer for proven downtime (uint256, decimal).</summary>
    public string Refunded { get; set; } = "0";
}
