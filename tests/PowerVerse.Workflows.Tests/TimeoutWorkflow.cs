namespace PowerVerse.Workflows.Tests;

/// <summary>Waits for an event that never comes, with a short timeout.</summary>
internal sealed class TimeoutWorkflow : WorkflowDefinition<object?, TimeoutWorkflow.State>
{
    public const string WorkflowName = "test-timeout";

    public TimeoutWorkflow()
    {
        Step("wait", (_, _) => Task.FromResult(StepResult.WaitForEvent("never", "arrived", TimeSpan.FromMilliseconds(400), "expired")));
        Step("arrived", (_, _) => Task.FromResult(StepResult.Complete("arrived")));
        Step("expired", (_, _) => Task.FromResult(StepResult.Complete("timed out")));
    }

    public override string Name => WorkflowName;

    public override string InitialStep => "wait";

    protected override State CreateState(object? input) => new();

    internal sealed class State;
}
