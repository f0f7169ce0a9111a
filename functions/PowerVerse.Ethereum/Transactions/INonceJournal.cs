using PowerVerse.Ethereum.Crypto;

namespace PowerVerse.Ethereum.Transactions;

/// <summary>
/// Durable record of the nonces a platform account has used. A nonce is reserved and its signed
/// transaction written in one atomic step, before anything is sent, so a sender that dies at any point can
/// be resumed by another over the same journal without a gap (every reserved nonce has a transaction)
/// or a duplicate (every transaction has its own nonce).
/// Implementations must be safe for concurrent callers, including other processes sharing the store.
/// </summary>
public interface INonceJournal
{
    /// <summary>
    /// Atomically takes the next nonce — the larger of one past the highest journalled nonce and
    /// <paramref name="chainNonce"/> — lets <paramref name="signAtNonce"/> build the entry for it, and stores that entry.
    /// </summary>
    Task<JournalEntry> AppendAsync(Address account, long chainNonce, Func<long, JournalEntry> signAtNonce, CancellationToken cancellationToken = default);

    /// <summary>Replaces the entry with the same account and nonce (a state change, or a fee-bumped replacement).</summary>
    Task UpdateAsync(JournalEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Entries still Recorded or Sent, by nonce.</summary>
    Task<IReadOnlyList<JournalEntry>> GetUnconfirmedAsync(Address account, CancellationToken cancellationToken = default);
}
