using PowerVerse.Workflows.Persistence;
using PowerVerse.Workflows.TestHost;

namespace PowerVerse.Workflows.Tests;

/// <summary>At-least-once delivery: duplicates, races and poison.</summary>
public sealed class DeliveryTests
{
    [Fact]
    public async Task Message_DeliveredTwice_ChangesNothing()
    {
        await using var harness = await WorkflowHarness.CreateAsync();
        var id = await harness.Client.StartAsync(OrderWorkflow.WorkflowName, new OrderInput(50));
        await harness.Client.RaiseEventAsync(id, OrderWorkflow.ApprovedEvent, new Approval(3));

        // A second copy of the very message the start sent, and a copy of a wake.
        var duplicate = new WorkflowMessage(id, 0, WorkflowMessageKind.Step).Serialize();
        await harness.Queue.SendMessageAsync(duplicate);
        await harness.Queue.SendMessageAsync(new WorkflowMessage(id, -1, WorkflowMessageKind.Wake).Serialize());
        harness.StartWorker();

        var done = await harness.Client.WaitForEndAsync(id, TimeSpan.FromSeconds(30));
        Assert.Equal(WorkflowRuntimeStatus.Completed, done.Status);
        Assert.Equal(["sleep", "wait", "event", "complete"], done.History.Select(h => h.Outcome));
        Assert.Equal((33L, 3), await harness.Ledger.ReadAsync(id, default));

        // Replaying the first message after the end changes nothing either.
        var before = await harness.Instances.GetEntityAsync<Storage.Tables.TableEntity>(id, WorkflowInstanceEntity.InstanceRowKey);
        await harness.Queue.SendMessageAsync(duplicate);
        await WaitForEmptyQueueAsync(harness);
        var after = await harness.Instances.GetEntityAsync<Storage.Tables.TableEntity>(id, WorkflowInstanceEntity.InstanceRowKey);
        Assert.Equal(before.Value.ETag, after.Value.ETag);
    }

    [Fact]
    public async Task TwoWorkers_RacingOnOneInstance_ApplyEachStepOnce()
    {
        // Slow steps and many copies of every message widen the race: both workers run steps at the same time.
        await using var harness = await WorkflowHarness.CreateAsync(l => [new OrderWorkflow(l, stepDelay: TimeSpan.FromMilliseconds(150))]);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var id = await harness.Client.StartAsync(OrderWorkflow.WorkflowName, new OrderInput(100));
            await harness.Client.RaiseEventAsync(id, OrderWorkflow.ApprovedEvent, new Approval(i));
            for (var copy = 0; copy < 3; copy++)
            {
                await harness.Queue.SendMessageAsync(new WorkflowMessage(id, 0, WorkflowMessageKind.Step).Serialize());
            }

            ids.Add(id);
        }

        harness.StartWorker();
        harness.StartWorker();

        for (var i = 0; i < ids.Count; i++)
        {
            var done = await harness.Client.WaitForEndAsync(ids[i], TimeSpan.FromSeconds(60));
            Assert.Equal(WorkflowRuntimeStatus.Completed, done.Status);
            Assert.Equal(["sleep", "wait", "event", "complete"], done.History.Select(h => h.Outcome));
            Assert.Equal(["reserve", "charge", "complete"], done.GetOutput<OrderOutput>()!.Steps);
            Assert.Equal((30L + i, 3), await harness.Ledger.ReadAsync(ids[i], default));
        }
    }

    [Fact]
    public async Task Message_ReceivedMoreThanMaxDequeueCount_IsPoisonedAndInstanceFails()
    {
        var options = WorkflowHarness.FastOptions with { VisibilityTimeout = TimeSpan.FromSeconds(1), MaxDequeueCount = 2 };
        await using var harness = await WorkflowHarness.CreateAsync(options: options, probe: new CrashingProbe());
        harness.StartWorker();

        var id = await harness.Client.StartAsync(OrderWorkflow.WorkflowName, new OrderInput(10));
        var done = await harness.Client.WaitForEndAsync(id, TimeSpan.FromSeconds(30));

        Assert.Equal(WorkflowRuntimeStatus.Failed, done.Status);
        Assert.Contains("received 3 times", done.Error, StringComparison.Ordinal);
        Assert.Equal("poison", done.History[^1].Outcome);
        var message = Assert.Single(await PeekPoisonAsync(harness));
        Assert.True(WorkflowMessage.TryParse(message.MessageText, out var parsed));
        Assert.Equal(id, parsed.InstanceId);
    }

    [Fact]
    public async Task Message_Malformed_IsMovedToPoisonAndWorkerGoesOn()
    {
        await using var harness = await WorkflowHarness.CreateAsync();
        await harness.Queue.SendMessageAsync("{not json");
        harness.StartWorker();
        var id = await harness.Client.StartAsync(OrderWorkflow.WorkflowName, new OrderInput(10));
        await harness.Client.RaiseEventAsync(id, OrderWorkflow.ApprovedEvent, new Approval(0));

        Assert.Equal(WorkflowRuntimeStatus.Completed, (await harness.Client.WaitForEndAsync(id, TimeSpan.FromSeconds(30))).Status);
        Assert.Equal("{not json", Assert.Single(await PeekPoisonAsync(harness)).MessageText);
    }

    /// <summary>The instance is failed first, then its message moved: wait for the move.</summary>
    private static async Task<Storage.Queues.PeekedMessage[]> PeekPoisonAsync(WorkflowHarness harness)
    {
        for (var i = 0; ; i++)
        {
            var peeked = (await harness.Queue.GetPoisonQueueClient().PeekMessagesAsync(10)).Value;
            if (peeked.Length > 0 || i == 100)
            {
                return peeked;
            }

            await Task.Delay(50);
        }
    }

    private static async Task WaitForEmptyQueueAsync(WorkflowHarness harness)
    {
        for (var i = 0; i < 200; i++)
        {
            var peeked = (await harness.Queue.PeekMessagesAsync(1)).Value;
            if (peeked.Length == 0)
            {
                await Task.Delay(300); // let the worker that took it finish deleting
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The queue never drained.");
    }

    /// <summary>Every step start fails as if the process died there, so the message is never completed.</summary>
    private sealed class CrashingProbe : IWorkflowProbe
    {
        public ValueTask OnCheckpointAsync(WorkflowCheckpoint checkpoint, string instanceId, string stepName, CancellationToken cancellationToken) =>
            checkpoint == WorkflowCheckpoint.StepStarting ? throw new IOException("simulated crash") : ValueTask.CompletedTask;
    }
}
