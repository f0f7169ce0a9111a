namespace PowerVerse.Functions.AgentAccess;

/// <summary>
/// The key that signs agents' SAS is missing or unusable (e.g. <c>AgentAccess:AccountKey</c> holding an unresolved Key
/// Vault reference); the message names the setting. <c>POST /api/agents/sas</c> answers 503 and logs it.
/// </summary>
public sealed class AgentAccessNotConfiguredException : InvalidOperationException
{
    public AgentAccessNotConfiguredException()
    {
    }

    public AgentAccessNotConfiguredException(string message)
        : base(message)
    {
    }

    public AgentAccessNotConfiguredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
