namespace PowerVerse.Workflows;

/// <summary>
/// The transition a step chooses: the explicit edges of the workflow's state machine.
/// A step never loops or sleeps in memory; it returns one of these and the engine persists it.
/// </summary>
public sealed class StepResult
{
    private StepResult(StepResultKind kind, string? nextStep = null)
    {
        Kind = kind;
        NextStep = nextStep;
    }

    internal StepResultKind Kind { get; }

    internal string? NextStep { get; }

    internal DateTimeOffset? Until { get; private init; }

    internal TimeSpan? Delay { get; private init; }

    internal string? EventName { get; private init; }

    internal string? TimeoutStep { get; private init; }

    internal object? Output { get; private init; }

    internal string? Reason { get; private init; }

    /// <summary>Run <paramref name="nextStep"/> now (as its own queue message).</summary>
    public static StepResult Continue(string nextStep) => new(StepResultKind.Continue, Require(nextStep));

    /// <summary>Run <paramref name="nextStep"/> after a durable timer of <paramref name="delay"/>.</summary>
    public static StepResult Sleep(TimeSpan delay, string nextStep)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new(StepResultKind.Sleep, Require(nextStep)) { Delay = delay };
    }

    /// <summary>Run <paramref name="nextStep"/> at <paramref name="until"/> (a durable timer; any length).</summary>
    public static StepResult SleepUntil(DateTimeOffset until, string nextStep) =>
        new(StepResultKind.Sleep, Require(nextStep)) { Until = until };

    /// <summary>
    /// Run <paramref name="nextStep"/> when the event <paramref name="eventName"/> is raised (an event raised
    /// earlier is buffered and consumed at once). With a <paramref name="timeout"/>, run
    /// <paramref name="timeoutStep"/> instead if none arrives in time.
    /// </summary>
    public static StepResult WaitForEvent(string eventName, string nextStep, TimeSpan? timeout = null, string? timeoutStep = null)
    {
        WorkflowKeys.ValidateEventName(eventName);
        if (timeout is not null && timeoutStep is null)
        {
            throw new ArgumentException("A timeout needs the step to run when it expires.", nameof(timeoutStep));
        }

        return new(StepResultKind.WaitForEvent, Require(nextStep)) { EventName = eventName, Delay = timeout, TimeoutStep = timeoutStep };
    }

    /// <summary>End the instance successfully with <paramref name="output"/>.</summary>
    public static StepResult Complete(object? output = null) => new(StepResultKind.Complete) { Output = output };

    /// <summary>End the instance as failed without retrying (a business rule said no).</summary>
    public static StepResult Fail(string reason) => new(StepResultKind.Fail) { Reason = Require(reason) };

    private static string Require(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value;
    }
}
