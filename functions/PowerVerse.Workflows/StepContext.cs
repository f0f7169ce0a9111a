using System.Text.Json;

namespace PowerVerse.Workflows;

/// <summary>What a step sees: the instance's input, its mutable state, the event that woke it, and a key for its effects.</summary>
/// <typeparam name="TInput">The workflow's input, fixed at start.</typeparam>
/// <typeparam name="TState">State the steps share; changes are persisted with the step's transition.</typeparam>
public sealed class StepContext<TInput, TState>
    where TState : class
{
    private readonly string? _eventJson;

    internal StepContext(StepInvocation invocation, TInput input, TState state)
    {
        InstanceId = invocation.InstanceId;
        StepName = invocation.StepName;
        Attempt = invocation.Attempt;
        IdempotencyKey = invocation.IdempotencyKey;
        Time = invocation.Time;
        Input = input;
        State = state;
        _eventJson = invocation.EventJson;
    }

    public string InstanceId { get; }

    public string StepName { get; }

    /// <summary>1 on the first try of this step visit, 2 on the first retry, and so on.</summary>
    public int Attempt { get; }

    /// <summary>
    /// Stable across retries and redeliveries of this step visit, and different for every other visit.
    /// Steps run at least once, so every effect outside the instance (a transaction, a row, a message)
    /// must be keyed by it (or by something derived from it) to be applied once.
    /// </summary>
    public string IdempotencyKey { get; }

    public TimeProvider Time { get; }

    public TInput Input { get; }

    public TState State { get; }

    /// <summary>Whether this step was reached through <see cref="StepResult.WaitForEvent"/> and an event arrived.</summary>
    public bool HasEvent => _eventJson is not null;

    /// <summary>The payload of the event that resumed the instance into this step.</summary>
    public T? GetEvent<T>() =>
        _eventJson is null
            ? throw new InvalidOperationException($"Step '{StepName}' was not resumed by an event.")
            : JsonSerializer.Deserialize<T>(_eventJson, WorkflowJson.Options);
}
