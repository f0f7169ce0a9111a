namespace PowerVerse.LocalHost.Hosting;

/// <summary>
/// Where a local host kills itself for a crash test (<c>LocalHost:KillAt</c>, <c>&lt;ActivityName&gt;:&lt;point&gt;</c>):
/// when an activity's completion comes back from the worker (its effect is done, and the orchestrator step that scheduled
/// it is written), the sidecar records it. <c>completing</c> kills before that record (the activity runs again after a
/// restart: at least once); <c>completed</c> right after it (before the orchestrator's next step).
/// </summary>
public sealed record KillPoint(string Activity, bool AfterRecording)
{
    public const string Completing = "completing";
    public const string Completed = "completed";

    public static KillPoint Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var colon = value.LastIndexOf(':');
        var activity = colon > 0 ? value[..colon].Trim() : string.Empty;
        var point = colon > 0 ? value[(colon + 1)..].Trim() : string.Empty;
        return (activity, point) switch
        {
            ({ Length: > 0 }, Completing) => new KillPoint(activity, AfterRecording: false),
            ({ Length: > 0 }, Completed) => new KillPoint(activity, AfterRecording: true),
            _ => throw new InvalidOperationException(
                $"LocalHost:KillAt is '{value}'; expected '<ActivityName>:{Completing}' or '<ActivityName>:{Completed}'."),
        };
    }

    /// <summary>Activity names compare as Durable compares them: ignoring case.</summary>
    public bool Matches(string? activity) => string.Equals(Activity, activity, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Activity}:{(AfterRecording ? Completed : Completing)}";
}
