namespace PowerVerse.Functions.Queues;

/// <summary>An agent message that is not what DESIGN §3 says it is: it goes to the poison queue after its tries.</summary>
public sealed class MalformedAgentMessageException : Exception
{
    public MalformedAgentMessageException()
    {
    }

    public MalformedAgentMessageException(string message)
        : base(message)
    {
    }

    public MalformedAgentMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
