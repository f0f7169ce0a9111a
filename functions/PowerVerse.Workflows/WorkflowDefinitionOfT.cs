using System.Text.Json;

namespace PowerVerse.Workflows;

/// <summary>A workflow with typed input and state; steps are declared in the constructor with <see cref="Step"/>.</summary>
public abstract class WorkflowDefinition<TInput, TState> : WorkflowDefinition
    where TState : class
{
    private readonly Dictionary<string, Registration> _steps = new(StringComparer.Ordinal);

    public override IReadOnlyCollection<string> Steps => _steps.Keys;

    /// <summary>The state a new instance starts with.</summary>
    protected abstract TState CreateState(TInput input);

    /// <summary>Declares a step: its handler returns the transition to take.</summary>
    protected void Step(string name, Func<StepContext<TInput, TState>, CancellationToken, Task<StepResult>> handler, RetryPolicy? retry = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handler);
        if (!_steps.TryAdd(name, new Registration(handler, retry ?? RetryPolicy.Default)))
        {
            throw new ArgumentException($"Workflow '{Name}' declares step '{name}' twice.", nameof(name));
        }
    }

    internal override string CreateInitialState(string inputJson) => WorkflowJson.Serialize(CreateState(DeserializeInput(inputJson)));

    internal override RetryPolicy GetRetryPolicy(string step) => Find(step).Retry;

    internal override async Task<StepOutcome> ExecuteAsync(StepInvocation invocation, CancellationToken cancellationToken)
    {
        var registration = Find(invocation.StepName);
        var state = JsonSerializer.Deserialize<TState>(invocation.StateJson, WorkflowJson.Options)
            ?? throw new WorkflowException($"Instance '{invocation.InstanceId}' has no state.");
        var context = new StepContext<TInput, TState>(invocation, DeserializeInput(invocation.InputJson), state);
        var result = await registration.Handler(context, cancellationToken)
            ?? throw new WorkflowException($"Step '{invocation.StepName}' of '{Name}' returned no transition.");
        return new StepOutcome(result, WorkflowJson.Serialize(state));
    }

    private Registration Find(string step) =>
        _steps.TryGetValue(step, out var registration)
            ? registration
            : throw new WorkflowException($"Workflow '{Name}' has no step '{step}'.");

    private TInput DeserializeInput(string inputJson)
    {
        try
        {
            return JsonSerializer.Deserialize<TInput>(inputJson, WorkflowJson.Options)!;
        }
        catch (JsonException ex)
        {
            throw new WorkflowInputException($"Input for workflow '{Name}' is not a valid {typeof(TInput).Name}: {ex.Message}", ex);
        }
    }

    private sealed record Registration(Func<StepContext<TInput, TState>, CancellationToken, Task<StepResult>> Handler, RetryPolicy Retry);
}
