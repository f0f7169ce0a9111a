namespace PowerVerse.Views;

/// <summary>An account's income from one VID in one token: what it can claim now and what it claimed.</summary>
public sealed record RevenueView(string Vid, string Token, string Shares, string Claimable, string Claimed);
