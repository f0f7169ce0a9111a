namespace PowerVerse.GpuAgent.Agent;

/// <summary>A setting is missing or unusable; the message says which and how to give it.</summary>
internal sealed class AgentConfigurationException : Exception
{
    public AgentConfigurationException()
    {
    }

    public AgentConfigurationException(string message)
        : base(message)
    {
    }

    public AgentConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
