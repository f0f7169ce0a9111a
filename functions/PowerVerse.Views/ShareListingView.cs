namespace PowerVerse.Views;

/// <summary>RID shares for sale (amounts uint256 decimals; unit price per share).</summary>
public sealed record ShareListingView(
    string ListingId, string Vid, string Seller, string Token, string Amount, string Remaining, string UnitPrice,
    long ComputeType, long GpuModel, string TotalShares);
