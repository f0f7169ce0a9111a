namespace PowerVerse.Views;

/// <summary>An ERC-20 token of the deployment, with the metadata its contract reports.</summary>
/// <param name="Symbol">ERC-20 <c>symbol()</c> ("PVC", "tUSD").</param>
/// <param name="Name">ERC-20 <c>name()</c>.</param>
/// <param name="Address">The token contract's address.</param>
/// <param name="Decimals">ERC-20 <c>decimals()</c>: amounts in the API are in the token's smallest unit.</param>
public sealed record TokenView(string Symbol, string Name, string Address, int Decimals);
