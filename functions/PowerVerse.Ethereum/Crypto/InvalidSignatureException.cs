namespace PowerVerse.Ethereum.Crypto;

/// <summary>A signature that is malformed, out of range, or from which no public key can be recovered.</summary>
public sealed class InvalidSignatureException : Exception
{
    public InvalidSignatureException()
    {
    }

    public InvalidSignatureException(string message)
        : base(message)
    {
    }

    public InvalidSignatureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
