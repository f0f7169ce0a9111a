namespace PowerVerse.Views;

/// <summary>A payment token (ERC-20) as its contract names it.</summary>
public sealed record TokenView(string Symbol, string Name, string Address, int Decimals);
