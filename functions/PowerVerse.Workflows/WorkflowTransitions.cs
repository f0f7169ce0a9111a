using System.Text.Json;
using PowerVerse.Workflows.Persistence;

namespace PowerVerse.Workflows;

/// <summary>
/// The state machine of an instance row, as pure functions: each returns the next row (sequence bumped,
/// history appended) without touching storage, and <see cref="NextMessage"/> says which message that row needs.
/// </summary>
internal static class WorkflowTransitions
{
    /// <summary>Table string properties hold 32K UTF-16 characters; leave room for the rest of the row.</summary>
    public const int MaxPayloadChars = 30_000;

    public static WorkflowInstanceEntity Apply(WorkflowInstanceEntity current, StepOutcome outcome, DateTimeOffset now, string messageId, int maxHistory)
    {
        var result = outcome.Result;
        var next = Advance(current, now, messageId);
        next.State = CheckSize(outcome.StateJson, "state");
        next.Attempt = 0;
        next.EventPayload = null;
        next.WaitEvent = null;
        next.WaitUntil = null;
        next.TimeoutStep = null;
        var attempt = current.Attempt + 1;
        switch (result.Kind)
        {
            case StepResultKind.Continue:
                MoveTo(next, result.NextStep!, WorkflowRuntimeStatus.Pending);
                return Record(next, current.Step, "continue", now, attempt, result.NextStep, maxHistory);
            case StepResultKind.Sleep:
                MoveTo(next, result.NextStep!, WorkflowRuntimeStatus.WaitingForTimer);
                next.WaitUntil = result.Until ?? now + result.Delay!.Value;
                return Record(next, current.Step, "sleep", now, attempt, $"{result.NextStep} at {next.WaitUntil:O}", maxHistory);
            case StepResultKind.WaitForEvent:
                MoveTo(next, result.NextStep!, WorkflowRuntimeStatus.WaitingForEvent);
                next.WaitEvent = result.EventName;
                next.WaitUntil = result.Delay is { } timeout ? now + timeout : null;
                next.TimeoutStep = result.TimeoutStep;
                return Record(next, current.Step, "wait", now, attempt, result.EventName, maxHistory);
            case StepResultKind.Complete:
                next.Status = nameof(WorkflowRuntimeStatus.Completed);
                next.Output = CheckSize(WorkflowJson.Serialize(result.Output), "output");
                return Record(next, current.Step, "complete", now, attempt, null, maxHistory);
            case StepResultKind.Fail:
                next.Status = nameof(WorkflowRuntimeStatus.Failed);
                next.Error = result.Reason;
                return Record(next, current.Step, "fail", now, attempt, result.Reason, maxHistory);
            default:
                throw new WorkflowException($"Unknown transition {result.Kind}.");
        }
    }

    /// <summary>A step threw: retry it after the policy's backoff, or fail once the attempts are spent.</summary>
    public static WorkflowInstanceEntity Retry(WorkflowInstanceEntity current, Exception error, RetryPolicy policy, DateTimeOffset now, string messageId, int maxHistory)
    {
        var next = Advance(current, now, messageId);
        next.Attempt = current.Attempt + 1;
        var reason = $"{error.GetType().Name}: {error.Message}";
        if (next.Attempt >= policy.MaxAttempts)
        {
            next.Status = nameof(WorkflowRuntimeStatus.Failed);
            next.Error = $"Step '{current.Step}' failed {next.Attempt} times; last error: {reason}";
            return Record(next, current.Step, "fail", now, next.Attempt, reason, maxHistory);
        }

        next.Status = nameof(WorkflowRuntimeStatus.WaitingForTimer);
        next.WaitUntil = now + policy.DelayAfter(next.Attempt);
        return Record(next, current.Step, "retry", now, next.Attempt, reason, maxHistory);
    }

    public static WorkflowInstanceEntity ResumeWithEvent(WorkflowInstanceEntity current, string payloadJson, DateTimeOffset now, string messageId, int maxHistory)
    {
        var next = Advance(current, now, messageId);
        next.Status = nameof(WorkflowRuntimeStatus.Pending);
        next.EventPayload = payloadJson;
        next.WaitUntil = null;
        next.TimeoutStep = null;
        next.WaitEvent = null;
        return Record(next, current.Step, "event", now, 0, current.WaitEvent, maxHistory);
    }

    public static WorkflowInstanceEntity TimeOut(WorkflowInstanceEntity current, DateTimeOffset now, string messageId, int maxHistory)
    {
        var next = Advance(current, now, messageId);
        MoveTo(next, current.TimeoutStep!, WorkflowRuntimeStatus.Pending);
        next.WaitUntil = null;
        next.TimeoutStep = null;
        next.WaitEvent = null;
        return Record(next, current.Step, "timeout", now, 0, current.WaitEvent, maxHistory);
    }

    /// <summary>Ends the instance for a reason outside its steps (terminate, poison, unknown definition).</summary>
    public static WorkflowInstanceEntity End(WorkflowInstanceEntity current, WorkflowRuntimeStatus status, string outcome, string reason, DateTimeOffset now, string? messageId, int maxHistory)
    {
        var next = Advance(current, now, messageId);
        next.Status = status.ToString();
        next.Error = reason;
        return Record(next, current.Step, outcome, now, current.Attempt, reason, maxHistory);
    }

    /// <summary>The message a row needs on the queue to make progress, or null when it waits for an event or has ended.</summary>
    public static (WorkflowMessage Message, TimeSpan Delay)? NextMessage(WorkflowInstanceEntity instance, DateTimeOffset now) =>
        instance.GetStatus() switch
        {
            WorkflowRuntimeStatus.Pending => (new WorkflowMessage(instance.PartitionKey, instance.Sequence, WorkflowMessageKind.Step), TimeSpan.Zero),
            WorkflowRuntimeStatus.WaitingForTimer => (new WorkflowMessage(instance.PartitionKey, instance.Sequence, WorkflowMessageKind.Timer), Until(instance.WaitUntil, now)),

            // First look for an event buffered before the wait began; a timeout is then armed from there.
            WorkflowRuntimeStatus.WaitingForEvent => (new WorkflowMessage(instance.PartitionKey, instance.Sequence, WorkflowMessageKind.Step), TimeSpan.Zero),
            _ => null,
        };

    public static string CheckSize(string json, string what) =>
        json.Length <= MaxPayloadChars
            ? json
            : throw new WorkflowPayloadTooLargeException($"The workflow {what} is {json.Length} characters; at most {MaxPayloadChars} fit in an instance row.");

    private static TimeSpan Until(DateTimeOffset? when, DateTimeOffset now) => when is { } due && due > now ? due - now : TimeSpan.Zero;

    private static WorkflowInstanceEntity Advance(WorkflowInstanceEntity current, DateTimeOffset now, string? messageId)
    {
        var next = current.Clone();
        next.Sequence = current.Sequence + 1;
        next.UpdatedAt = now;
        next.LastMessageId = messageId;
        return next;
    }

    private static void MoveTo(WorkflowInstanceEntity next, string step, WorkflowRuntimeStatus status)
    {
        next.Step = step;
        next.Visit++;
        next.Status = status.ToString();
    }

    private static WorkflowInstanceEntity Record(WorkflowInstanceEntity next, string step, string outcome, DateTimeOffset now, int attempt, string? detail, int maxHistory)
    {
        var history = JsonSerializer.Deserialize<List<HistoryEntry>>(next.History, WorkflowJson.Options) ?? [];
        history.Add(new HistoryEntry(next.Sequence, step, outcome, now, attempt, Truncate(detail)));
        if (history.Count > maxHistory)
        {
            history.RemoveRange(0, history.Count - maxHistory);
        }

        next.History = WorkflowJson.Serialize(history);
        next.HistoryCount++;
        return next;
    }

    private static string? Truncate(string? detail) => detail is { Length: > 500 } ? detail[..500] + "…" : detail;
}
