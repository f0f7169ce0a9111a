namespace PowerVerse.Chain.Transactions;

/// <summary>
/// One nonce of a platform account: the signed transaction currently meant for it (raw 0x-hex and hash) and the
/// hashes of the earlier versions it replaced with higher fees — any of them may be the one that gets mined.
/// </summary>
public sealed record JournalEntry(
    string Account,
    long Nonce,
    string RawTransaction,
    string TransactionHash,
    JournalState State,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> ReplacedHashes)
{
    /// <summary>
    /// The idempotency key of the request this nonce was taken for (<see cref="TransactionRequest.Key"/>), carried by
    /// its fee-bumped replacements; null for an unkeyed transaction and for the self-transfer that fills a refused nonce.
    /// </summary>
    public string? Key { get; init; }

    /// <summary>The current hash first, then the replaced ones.</summary>
    public IEnumerable<string> AllHashes => ReplacedHashes.Prepend(TransactionHash);

    /// <summary>
    /// This entry written over <paramref name="stored"/> by another sender of the same account: no hash is
    /// forgotten (one of them may still be mined) and no state goes back.
    /// </summary>
    public JournalEntry MergedOver(JournalEntry stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var replaced = ReplacedHashes.Concat(stored.AllHashes)
            .Where(h => !string.Equals(h, TransactionHash, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return this with { State = State > stored.State ? State : stored.State, ReplacedHashes = replaced };
    }
}
