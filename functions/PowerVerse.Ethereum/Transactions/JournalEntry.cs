using PowerVerse.Ethereum.Crypto;

namespace PowerVerse.Ethereum.Transactions;

/// <summary>
/// One nonce of a platform account: the signed transaction currently meant for it (raw hex and hash) and the
/// hashes of earlier versions it replaced with higher fees — any of them may be the one that gets mined.
/// </summary>
public sealed record JournalEntry(
    Address Account,
    long Nonce,
    string RawTransaction,
    string TransactionHash,
    JournalState State,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> ReplacedHashes)
{
    /// <summary>The current hash first, then the replaced ones.</summary>
    public IEnumerable<string> AllHashes => ReplacedHashes.Prepend(TransactionHash);
}
