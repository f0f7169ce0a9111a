namespace PowerVerse.GpuAgent.Backends;

/// <summary>The uint64 nonce space above the start ran out before enough shares were found.</summary>
internal sealed class NonceSpaceExhaustedException : Exception
{
    public NonceSpaceExhaustedException()
        : base("No more nonces: the uint64 space above the start nonce holds fewer valid shares than asked for.")
    {
    }

    public NonceSpaceExhaustedException(string message)
        : base(message)
    {
    }

    public NonceSpaceExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
