namespace PowerVerse.Workflows;

/// <summary>Tuning of the engine; the defaults suit production, tests shorten the times.</summary>
public sealed record WorkflowOptions
{
    /// <summary>How long a received step message stays invisible; renewed at half this while the step runs.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A message received more often than this is moved to the poison queue and its instance fails.</summary>
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>Messages processed at once by one worker.</summary>
    public int MaxConcurrency { get; init; } = 16;

    /// <summary>Idle polling starts at the minimum and doubles up to the maximum.</summary>
    public TimeSpan MinPollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest single delay of a timer message. Queue messages can be hidden for at most 7 days,
    /// so a longer timer is re-armed hop by hop until it is due.
    /// </summary>
    public TimeSpan MaxTimerHop { get; init; } = TimeSpan.FromDays(6);

    /// <summary>History entries kept in the instance row (the oldest are dropped; the count is kept).</summary>
    public int MaxHistoryEntries { get; init; } = 100;

    /// <summary>Refuses settings the queue service would refuse later, at every receive.</summary>
    internal WorkflowOptions Validate()
    {
        var week = TimeSpan.FromDays(7);
        ArgumentOutOfRangeException.ThrowIfLessThan(VisibilityTimeout, TimeSpan.FromSeconds(1), nameof(VisibilityTimeout));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(VisibilityTimeout, week, nameof(VisibilityTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDequeueCount, 1, nameof(MaxDequeueCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1, nameof(MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MinPollInterval, TimeSpan.Zero, nameof(MinPollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPollInterval, MinPollInterval, nameof(MaxPollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxTimerHop, TimeSpan.Zero, nameof(MaxTimerHop));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxTimerHop, week, nameof(MaxTimerHop));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHistoryEntries, 1, nameof(MaxHistoryEntries));
        return this;
    }
}
