namespace PowerVerse.Views;

/// <summary>The chain the platform runs on: its id, every contract's address by name, and the payment tokens.</summary>
public sealed record ChainView(long ChainId, IReadOnlyDictionary<string, string> Contracts, IReadOnlyList<TokenView> Tokens);
