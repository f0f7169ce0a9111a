namespace PowerVerse.Views;

/// <summary>The chain the platform runs on and where its contracts are: a client gets every address from here.</summary>
/// <param name="ChainId">The EIP-155 chain id (31337 on the local chain).</param>
/// <param name="Contracts">Every contract of the deployment by name (e.g. "ComputeMarket"), EIP-55 addresses.</param>
/// <param name="Tokens">The ERC-20 tokens of the deployment (PVC, and tUSD on a test chain) as the chain describes them.</param>
public sealed record ChainView(long ChainId, IReadOnlyDictionary<string, string> Contracts, IReadOnlyList<TokenView> Tokens);
