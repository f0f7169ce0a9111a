namespace PowerVerse.Ethereum.Hex;

/// <summary>Text that should be hexadecimal is not, or has the wrong length.</summary>
public sealed class HexFormatException : FormatException
{
    public HexFormatException()
    {
    }

    public HexFormatException(string message)
        : base(message)
    {
    }

    public HexFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
