namespace PowerVerse.Ethereum.Rlp;

/// <summary>Bytes that are not canonical RLP (Yellow Paper appendix B), or an item of the wrong shape.</summary>
public sealed class RlpException : FormatException
{
    public RlpException()
    {
    }

    public RlpException(string message)
        : base(message)
    {
    }

    public RlpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
