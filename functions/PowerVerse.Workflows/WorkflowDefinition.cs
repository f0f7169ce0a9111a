namespace PowerVerse.Workflows;

/// <summary>
/// A workflow: a named, explicit state machine whose states are steps. Derive from
/// <see cref="WorkflowDefinition{TInput, TState}"/>; the engine only sees this non-generic face.
/// </summary>
public abstract class WorkflowDefinition
{
    /// <summary>The stable name instances are started and stored under.</summary>
    public abstract string Name { get; }

    /// <summary>The step every instance starts in.</summary>
    public abstract string InitialStep { get; }

    /// <summary>The steps, by name.</summary>
    public abstract IReadOnlyCollection<string> Steps { get; }

    internal abstract string CreateInitialState(string inputJson);

    internal abstract RetryPolicy GetRetryPolicy(string step);

    internal abstract Task<StepOutcome> ExecuteAsync(StepInvocation invocation, CancellationToken cancellationToken);
}
