namespace PowerVerse.GpuAgent.Messages;

/// <summary>A queue message the agent cannot act on (DESIGN §3: anything but a well-formed version-1 message goes to poison).</summary>
internal sealed class MalformedMessageException : Exception
{
    public MalformedMessageException()
    {
    }

    public MalformedMessageException(string message)
        : base(message)
    {
    }

    public MalformedMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
