namespace PowerVerse.Views;

/// <summary>An account's balance of a payment token.</summary>
public sealed record BalanceView(string Token, string Symbol, string Balance);
