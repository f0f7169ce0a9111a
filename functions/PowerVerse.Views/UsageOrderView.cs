namespace PowerVerse.Views;

/// <summary>A sale of a UID.</summary>
public sealed record UsageOrderView(
    string Uid, string Vid, string Buyer, string Seller, string Token, string Price, long Expires, long ComputeType,
    long GpuModel, DateTimeOffset Time, string State, string Refunded, ChainRefView Source);
