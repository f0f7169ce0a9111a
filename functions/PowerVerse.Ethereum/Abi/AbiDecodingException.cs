namespace PowerVerse.Ethereum.Abi;

/// <summary>Bytes that are not a valid ABI encoding of the expected types (too short, offsets out of bounds, values out of range).</summary>
public sealed class AbiDecodingException : Exception
{
    public AbiDecodingException()
    {
    }

    public AbiDecodingException(string message)
        : base(message)
    {
    }

    public AbiDecodingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
