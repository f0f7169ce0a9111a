namespace PowerVerse.Workflows;

/// <summary>One transition of an instance, as kept in its history.</summary>
/// <param name="Sequence">The instance's sequence number after the transition.</param>
/// <param name="Step">The step that ran (or was waited on).</param>
/// <param name="Outcome">What happened: continue, sleep, wait, event, timeout, retry, complete, fail, terminate, poison.</param>
/// <param name="At">When it was committed.</param>
/// <param name="Attempt">The attempt of the step that produced it.</param>
/// <param name="Detail">The next step, the event name or the error.</param>
public sealed record HistoryEntry(long Sequence, string Step, string Outcome, DateTimeOffset At, int Attempt, string? Detail);
