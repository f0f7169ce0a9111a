namespace PowerVerse.Ethereum.Abi;

/// <summary>A value that cannot be ABI-encoded as the requested type (out of range, wrong length, wrong kind), or a malformed type name.</summary>
public sealed class AbiEncodingException : Exception
{
    public AbiEncodingException()
    {
    }

    public AbiEncodingException(string message)
        : base(message)
    {
    }

    public AbiEncodingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
