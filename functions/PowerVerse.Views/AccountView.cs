namespace PowerVerse.Views;

/// <summary>What an account holds (scenario 2's free VIDs among them), its balances and claimable revenue.</summary>
public sealed record AccountView(
    string Address, IReadOnlyList<HoldingView> Holdings, IReadOnlyList<BalanceView> Balances, IReadOnlyList<RevenueView> Revenues,
    IReadOnlyList<string> FreeResources);
