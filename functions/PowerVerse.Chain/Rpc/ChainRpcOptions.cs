namespace PowerVerse.Chain.Rpc;

/// <summary>How <see cref="ChainRpc"/> retries transport faults.</summary>
public sealed class ChainRpcOptions
{
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff; doubles per attempt, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>One HTTP attempt is abandoned (and retried) after this long.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
