namespace PowerVerse.Functions.Orchestrations.Relaying;

/// <summary>
/// How long the write workflows wait on the chain and the agent (configuration section <c>Workflows</c>). Orchestrators
/// take no services (they replay deterministically): what they need of these travels in their input.
/// </summary>
public sealed class RelayOptions
{
    /// <summary>An activity waiting for confirmations gives up after this and is retried.</summary>
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An activity waiting for the indexer gives up after this and is retried.</summary>
    public TimeSpan IndexTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A purchase waits this long for the provider's agent to apply the grant before it fails (fixed in its input when it starts).</summary>
    public TimeSpan GrantTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
