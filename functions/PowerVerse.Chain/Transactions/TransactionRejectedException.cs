using PowerVerse.Chain.Errors;

namespace PowerVerse.Chain.Transactions;

/// <summary>
/// The node refused a signed transaction for a reason other than transport (e.g. insufficient funds, or a revert).
/// Its nonce was already journalled: unless the node mined it anyway, the sender filled it with a zero-value
/// self-transfer to keep the account's nonces gap-free. <see cref="Exception.InnerException"/> holds the node's error.
/// </summary>
public sealed class TransactionRejectedException : Exception
{
    public TransactionRejectedException()
    {
    }

    public TransactionRejectedException(string message)
        : base(message)
    {
    }

    public TransactionRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The decoded revert, when the node refused the transaction because it reverts.</summary>
    public DecodedError? Revert { get; init; }
}
