namespace PowerVerse.Functions.Orchestrations.Relaying;

/// <summary>The relayer's journalled transaction for a write (found again by the write's id).</summary>
public sealed record RelayedTransaction(string Relayer, long Nonce, string TransactionHash);
