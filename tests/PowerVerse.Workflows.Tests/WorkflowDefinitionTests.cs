namespace PowerVerse.Workflows.Tests;

public sealed class WorkflowDefinitionTests
{
    [Fact]
    public void Registry_InitialStepNotDeclared_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WorkflowRegistry(new BrokenWorkflow()));
        Assert.Contains("starts in 'missing'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_TwoWorkflowsWithOneName_Throws() =>
        Assert.Throws<ArgumentException>(() => new WorkflowRegistry(new TimeoutWorkflow(), new TimeoutWorkflow()));

    [Fact]
    public void WaitForEvent_TimeoutWithoutTimeoutStep_Throws() =>
        Assert.Throws<ArgumentException>(() => StepResult.WaitForEvent("approved", "next", TimeSpan.FromSeconds(1)));

    [Theory]
    [InlineData("")]
    [InlineData("a|b")]
    [InlineData("a/b")]
    [InlineData("a#b")]
    public void WaitForEvent_BadEventName_Throws(string name) =>
        Assert.ThrowsAny<ArgumentException>(() => StepResult.WaitForEvent(name, "next"));

    [Fact]
    public void Engine_VisibilityBelowTheQueueMinimum_IsRefused()
    {
        var options = new WorkflowOptions { VisibilityTimeout = TimeSpan.FromMilliseconds(500) };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowEngine(
            new Storage.Tables.TableClient("UseDevelopmentStorage=true", "instances"),
            new Storage.Queues.QueueClient("UseDevelopmentStorage=true", "q-name"),
            new WorkflowRegistry(),
            options));
        Assert.Equal(nameof(WorkflowOptions.VisibilityTimeout), ex.ParamName);
    }

    private sealed class BrokenWorkflow : WorkflowDefinition<object?, BrokenWorkflow.State>
    {
        public BrokenWorkflow() => Step("only", (_, _) => Task.FromResult(StepResult.Complete()));

        public override string Name => "broken";

        public override string InitialStep => "missing";

        protected override State CreateState(object? input) => new();

        internal sealed class State;
    }
}
