namespace PowerVerse.Functions.Queues;

/// <summary>A <c>dividend-runs</c> message that asks for no month that can be run.</summary>
public sealed class InvalidDividendRunException : Exception
{
    public InvalidDividendRunException()
    {
    }

    public InvalidDividendRunException(string message)
        : base(message)
    {
    }

    public InvalidDividendRunException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
