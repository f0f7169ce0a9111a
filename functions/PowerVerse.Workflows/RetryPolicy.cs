namespace PowerVerse.Workflows;

/// <summary>
/// How a step that throws is retried: exponential backoff from <see cref="InitialDelay"/>, multiplied by
/// <see cref="BackoffCoefficient"/> per attempt and capped at <see cref="MaxDelay"/>, for at most
/// <see cref="MaxAttempts"/> attempts in all; then the instance fails with the last error as its reason.
/// </summary>
public sealed record RetryPolicy
{
    public static RetryPolicy Default { get; } = new();

    public int MaxAttempts { get; init; } = 5;

    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    public double BackoffCoefficient { get; init; } = 2;

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before attempt number <paramref name="attempt"/> + 1, after <paramref name="attempt"/> failures (1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var ticks = InitialDelay.Ticks * Math.Pow(BackoffCoefficient, attempt - 1);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
