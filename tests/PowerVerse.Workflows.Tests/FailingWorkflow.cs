namespace PowerVerse.Workflows.Tests;

/// <summary>One step that always throws.</summary>
internal sealed class FailingWorkflow : WorkflowDefinition<object?, FailingWorkflow.State>
{
    public const string WorkflowName = "test-failing";

    public FailingWorkflow(RetryPolicy retry) =>
        Step("pay", (_, _) => throw new InvalidOperationException("the payment provider refused"), retry);

    public override string Name => WorkflowName;

    public override string InitialStep => "pay";

    protected override State CreateState(object? input) => new();

    internal sealed class State;
}
