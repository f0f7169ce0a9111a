namespace PowerVerse.Views;

/// <summary>A purchase of RID shares.</summary>
public sealed record RevenueOrderView(
    string ListingId, string Vid, string Buyer, string Seller, string Token, string Amount, string UnitPrice, string Cost,
    DateTimeOffset Time, ChainRefView Source);
