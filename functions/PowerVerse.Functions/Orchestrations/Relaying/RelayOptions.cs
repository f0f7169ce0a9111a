namespace PowerVerse.Functions.Orchestrations.Relaying;

/// <summary>How long the write workflows wait on the chain and the agent (configuration section <c>Workflows</c>).</summary>
public sealed class RelayOptions
{
    /// <summary>An activity waiting for confirmations gives up after this and is retried.</summary>
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An activity waiting for the indexer gives up after this and is retried.</summary>
    public TimeSpan IndexTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A purchase waits this long for the provider's agent to apply the grant before it fails.</summary>
    public TimeSpan GrantTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Attempts of an activity that failed for a reason other than the chain refusing the write.</summary>
    public int MaxAttempts { get; set; } = 6;

    public TimeSpan FirstRetryInterval { get; set; } = TimeSpan.FromSeconds(1);
}
