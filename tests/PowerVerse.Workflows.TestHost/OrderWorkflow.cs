namespace PowerVerse.Workflows.TestHost;

/// <summary>
/// Three steps with a durable timer between the first two and an external event before the third; each step
/// applies a keyed ledger effect. A completed instance has a balance of exactly 10 + 20 + the event's amount.
/// </summary>
public sealed class OrderWorkflow : WorkflowDefinition<OrderInput, OrderState>
{
    public const string WorkflowName = "test-order";
    public const string ApprovedEvent = "approved";

    public OrderWorkflow(KeyedLedger ledger, TimeSpan? stepDelay = null)
    {
        Step("reserve", async (ctx, ct) =>
        {
            await Pause(stepDelay, ct);
            await ledger.ApplyAsync(ctx.InstanceId, ctx.IdempotencyKey, 10, ct);
            ctx.State.Steps.Add("reserve");
            return StepResult.Sleep(TimeSpan.FromMilliseconds(ctx.Input.TimerMilliseconds), "charge");
        });
        Step("charge", async (ctx, ct) =>
        {
            await Pause(stepDelay, ct);
            await ledger.ApplyAsync(ctx.InstanceId, ctx.IdempotencyKey, 20, ct);
            ctx.State.Steps.Add("charge");
            return StepResult.WaitForEvent(ApprovedEvent, "complete");
        });
        Step("complete", async (ctx, ct) =>
        {
            await Pause(stepDelay, ct);
            var approval = ctx.GetEvent<Approval>()!;
            await ledger.ApplyAsync(ctx.InstanceId, ctx.IdempotencyKey, approval.Amount, ct);
            ctx.State.Steps.Add("complete");
            return StepResult.Complete(new OrderOutput(30 + approval.Amount, ctx.State.Steps));
        });
    }

    public override string Name => WorkflowName;

    public override string InitialStep => "reserve";

    protected override OrderState CreateState(OrderInput input) => new();

    private static Task Pause(TimeSpan? delay, CancellationToken ct) => delay is { } d ? Task.Delay(d, ct) : Task.CompletedTask;
}

public sealed record OrderInput(int TimerMilliseconds);

public sealed class OrderState
{
    public List<string> Steps { get; init; } = [];
}

public sealed record Approval(long Amount);

public sealed record OrderOutput(long Total, IReadOnlyList<string> Steps);
