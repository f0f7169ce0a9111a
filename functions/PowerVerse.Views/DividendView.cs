namespace PowerVerse.Views;

/// <summary>An account's dividend in an epoch with its Merkle proof and the epoch's root, token and claim deadline.</summary>
public sealed record DividendView(
    string Epoch, string Account, string Amount, IReadOnlyList<string> Proof, bool Claimed, string Root, string Token,
    long Period, bool Funded, long ClaimDeadline, bool Reclaimed);
