namespace PowerVerse.Ethereum.Transactions;

/// <summary>Where a journalled transaction stands.</summary>
public enum JournalState
{
    /// <summary>Nonce reserved and the signed transaction written; not yet accepted by a node (or not known to be).</summary>
    Recorded,

    /// <summary>A node accepted it into its pool.</summary>
    Sent,

    /// <summary>Included in a block with the requested confirmations.</summary>
    Confirmed,

    /// <summary>The nonce was used by another transaction of this account that the journal does not know.</summary>
    Dropped,
}
