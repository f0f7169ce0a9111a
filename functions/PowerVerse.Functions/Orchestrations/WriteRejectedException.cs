namespace PowerVerse.Functions.Orchestrations;

/// <summary>
/// The chain refused a write for good — its call reverts, its forwarder nonce was used by another transaction — so
/// retrying cannot help; the workflow fails with this reason. Transient faults (the node unreachable) are retried.
/// </summary>
public sealed class WriteRejectedException : Exception
{
    public WriteRejectedException()
    {
    }

    public WriteRejectedException(string message)
        : base(message)
    {
    }

    public WriteRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
