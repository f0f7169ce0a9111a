namespace PowerVerse.Chain.Transactions;

/// <summary>Where a journalled transaction stands, in order of progress (a later state is never undone).</summary>
public enum JournalState
{
    /// <summary>Nonce reserved and the signed transaction written; not yet accepted by a node (or not known to be).</summary>
    Recorded = 0,

    /// <summary>A node accepted it into its pool.</summary>
    Sent = 1,

    /// <summary>Included in a block with the requested confirmations.</summary>
    Confirmed = 2,

    /// <summary>The nonce was used by another transaction of this account that the journal does not know.</summary>
    Dropped = 3,
}
