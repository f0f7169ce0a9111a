using PowerVerse.Workflows.TestHost;

namespace PowerVerse.Workflows.Tests;

public sealed class WorkflowEngineTests
{
    [Fact]
    public async Task Start_ThreeStepsWithTimerAndLateEvent_CompletesWithEachEffectOnce()
    {
        await using var harness = await WorkflowHarness.CreateAsync();
        harness.StartWorker();

        var id = await harness.Client.StartAsync(OrderWorkflow.WorkflowName, new OrderInput(TimerMilliseconds: 500));
        var waiting = await harness.WaitForStatusAsync(id, s => s.Status == WorkflowRuntimeStatus.WaitingForEvent);
        Assert.Equal(OrderWorkflow.ApprovedEvent, waiting.WaitingForEvent);
        Assert.Equal("complete", waiting.Step);

        Assert.True(await harness.Client.RaiseEventAsync(id, OrderWorkflow.ApprovedEvent, new Approval(7)));
        var done = await harness.Client.WaitForEndAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal(WorkflowRuntimeStatus.Completed, done.Status);
        var output = done.GetOutput<OrderOutput>()!;
        Assert.Equal(37, output.Total);
        Assert.Equal(["reserve", "charge", "complete"], output.Steps);
        Assert.Equal(["sleep", "wait", "event", "complete"], done.History.Select(h => h.Outcome));
        Assert.Equal((37L, 3), await harness.Ledger.ReadAsync(id, default));
    }

    [Fact]
    public async Task RaiseEvent_BeforeTheInstanceWaits_IsBufferedAndConsumed()
    {
        await using var harness = await WorkflowHarness.CreateAsync();
        var id = await harness.Client.StartAsync(OrderWorkflow.WorkflowName, new OrderInput(TimerMilliseconds: 300));
        Assert.True(await harness.Client.RaiseEventAsync(id, OrderWorkflow.ApprovedEvent, new Approval(5), eventId: "e1"));
        Assert.True(await harness.Client.RaiseEventAsync(id, OrderWorkflow.ApprovedEvent, new Approval(5), eventId: "e1"));

        harness.StartWorker();
        var done = await harness.Client.WaitForEndAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal(WorkflowRuntimeStatus.Completed, done.Status);
        Assert.Equal(35, done.GetOutput<OrderOutput>()!.Total);
        Assert.Equal((35L, 3), await harness.Ledger.ReadAsync(id, default));
    }

    [Fact]
    public async Task Sleep_LongerThanOneTimerHop_IsRearmedAndFiresOnTime()
    {
        var options = WorkflowHarness.FastOptions with { MaxTimerHop = TimeSpan.FromMilliseconds(300) };
        await using var harness = await WorkflowHarness.CreateAsync(options: options);
        harness.StartWorker();

        var started = DateTimeOffset.UtcNow;
        var id = await harness.Client.StartAsync(OrderWorkflow.WorkflowName, new OrderInput(TimerMilliseconds: 1500));
        var waiting = await harness.WaitForStatusAsync(id, s => s.Status == WorkflowRuntimeStatus.WaitingForEvent);

        var charged = waiting.History.Single(h => h.Outcome == "wait").At;
        Assert.InRange(charged - started, TimeSpan.FromMilliseconds(1500), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Step_ThatAlwaysThrows_FailsWithReasonAfterRetryBudget()
    {
        var retry = new RetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(50) };
        await using var harness = await WorkflowHarness.CreateAsync(_ => [new FailingWorkflow(retry)]);
        harness.StartWorker();

        var id = await harness.Client.StartAsync(FailingWorkflow.WorkflowName, input: null);
        var done = await harness.Client.WaitForEndAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal(WorkflowRuntimeStatus.Failed, done.Status);
        Assert.Contains("failed 3 times", done.Error, StringComparison.Ordinal);
        Assert.Contains("the payment provider refused", done.Error, StringComparison.Ordinal);
        Assert.Equal(["retry", "retry", "fail"], done.History.Select(h => h.Outcome));
        Assert.Equal([1, 2, 3], done.History.Select(h => h.Attempt));
    }

    [Fact]
    public async Task WaitForEvent_WithTimeout_RunsTheTimeoutStep()
    {
        await using var harness = await WorkflowHarness.CreateAsync(_ => [new TimeoutWorkflow()]);
        harness.StartWorker();

        var id = await harness.Client.StartAsync(TimeoutWorkflow.WorkflowName, input: null);
        var done = await harness.Client.WaitForEndAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal(WorkflowRuntimeStatus.Completed, done.Status);
        Assert.Equal("timed out", done.GetOutput<string>());
        Assert.Contains(done.History, h => h.Outcome == "timeout");
    }

    [Fact]
    public async Task Start_SameIdTwice_IsIdempotentAndOtherInputConflicts()
    {
        await using var harness = await WorkflowHarness.CreateAsync();
        var id = "order-" + Guid.NewGuid().ToString("N");

        Assert.Equal(id, await harness.Client.StartAsync(OrderWorkflow.WorkflowName, new OrderInput(100), id));
        Assert.Equal(id, await harness.Client.StartAsync(OrderWorkflow.WorkflowName, new OrderInput(100), id));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => harness.Client.StartAsync(OrderWorkflow.WorkflowName, new OrderInput(999), id));

        var count = (await harness.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        Assert.Equal(2, count); // the first message and the re-send of a start that had not run yet
        harness.StartWorker();
        await harness.Client.RaiseEventAsync(id, OrderWorkflow.ApprovedEvent, new Approval(1));
        var done = await harness.Client.WaitForEndAsync(id, TimeSpan.FromSeconds(30));
        Assert.Equal((31L, 3), await harness.Ledger.ReadAsync(id, default));
        Assert.Equal(4, done.HistoryCount);
    }

    [Fact]
    public async Task Start_BadArguments_AreRefusedBeforeAnyWrite()
    {
        await using var harness = await WorkflowHarness.CreateAsync();

        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => harness.Client.StartAsync("no-such-workflow", null));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.StartAsync(OrderWorkflow.WorkflowName, new OrderInput(1), "a/b"));
        await Assert.ThrowsAsync<WorkflowInputException>(() => harness.Client.StartAsync(OrderWorkflow.WorkflowName, "not an order"));
        await Assert.ThrowsAsync<WorkflowPayloadTooLargeException>(() => harness.Client.StartAsync(OrderWorkflow.WorkflowName, new string('x', 40_000)));

        Assert.Equal(0, (await harness.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty(await harness.Instances.QueryAsync<Storage.Tables.TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task TerminateAndPurge_RunningInstance_StopsItAndRemovesEverything()
    {
        await using var harness = await WorkflowHarness.CreateAsync();
        harness.StartWorker();
        var id = await harness.Client.StartAsync(OrderWorkflow.WorkflowName, new OrderInput(100));
        await harness.WaitForStatusAsync(id, s => s.Status == WorkflowRuntimeStatus.WaitingForEvent);

        await Assert.ThrowsAsync<WorkflowConflictException>(() => harness.Client.PurgeAsync(id));
        Assert.True(await harness.Client.TerminateAsync(id, "buyer cancelled"));
        Assert.False(await harness.Client.TerminateAsync(id, "again"));
        Assert.False(await harness.Client.RaiseEventAsync(id, OrderWorkflow.ApprovedEvent, new Approval(1)));

        var terminated = await harness.Client.GetStatusAsync(id);
        Assert.Equal(WorkflowRuntimeStatus.Terminated, terminated!.Status);
        Assert.Equal("buyer cancelled", terminated.Error);

        await harness.Client.PurgeAsync(id);
        Assert.Null(await harness.Client.GetStatusAsync(id));
        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => harness.Client.RaiseEventAsync(id, OrderWorkflow.ApprovedEvent));
    }
}
