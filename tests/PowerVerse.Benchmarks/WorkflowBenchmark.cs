using System.Diagnostics;
using PowerVerse.Storage.Queues;
using PowerVerse.Storage.Tables;
using PowerVerse.Testing;
using PowerVerse.Workflows;

namespace PowerVerse.Benchmarks;

/// <summary>
/// Workflow steps per second through a real Azurite with 1, 4 and 16 concurrent instances, against the raw
/// queue rate (put + get + delete of one message) at the same concurrency, measured in the same run.
/// A step costs that queue round trip plus a table read and a conditional table write.
/// </summary>
internal sealed class WorkflowBenchmark : IBenchmark
{
    private const int StepsPerInstance = 20;
    private const int RawOperationsPerLane = 150;

    public string Name => "workflows";

    public async Task RunAsync(TextWriter output)
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await output.WriteLineAsync($"{"instances",9} {"raw queue ops/s",16} {"workflow steps/s",17} {"ratio",6}");
        foreach (var concurrency in new[] { 1, 4, 16 })
        {
            var raw = await MeasureRawQueueAsync(azurite.ConnectionString, concurrency);
            var steps = await MeasureWorkflowAsync(azurite.ConnectionString, concurrency);
            await output.WriteLineAsync($"{concurrency,9} {raw,16:F1} {steps,17:F1} {steps / raw,6:F2}");
        }
    }

    private static async Task<double> MeasureRawQueueAsync(string connectionString, int lanes)
    {
        var queue = new QueueClient(connectionString, "raw-" + Guid.NewGuid().ToString("N")[..12]);
        await queue.CreateIfNotExistsAsync();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(async _ =>
        {
            for (var i = 0; i < RawOperationsPerLane; i++)
            {
                await queue.SendMessageAsync("{\"id\":\"x\",\"seq\":1,\"kind\":\"step\"}");
                var message = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value;
                foreach (var m in message)
                {
                    await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                }
            }
        }));
        return lanes * RawOperationsPerLane / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> MeasureWorkflowAsync(string connectionString, int instances)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var options = new WorkflowOptions { MinPollInterval = TimeSpan.FromMilliseconds(1), MaxPollInterval = TimeSpan.FromMilliseconds(5), MaxConcurrency = 16 };
        var engine = new WorkflowEngine(
            new TableClient(connectionString, "bench" + suffix),
            new QueueClient(connectionString, "bench-" + suffix),
            new WorkflowRegistry(new ChainWorkflow()),
            options);
        await engine.InitializeAsync();
        using var stop = new CancellationTokenSource();
        var worker = Task.Run(() => engine.CreateWorker().RunAsync(stop.Token));

        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => engine.Client.StartAsync(ChainWorkflow.WorkflowName, StepsPerInstance)));
        foreach (var id in ids)
        {
            var status = await engine.Client.WaitForEndAsync(id, TimeSpan.FromMinutes(5));
            if (status.Status != WorkflowRuntimeStatus.Completed)
            {
                throw new InvalidOperationException($"Benchmark instance {id} ended {status.Status}: {status.Error}");
            }
        }

        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await worker;
        return instances * StepsPerInstance / elapsed.TotalSeconds;
    }

    /// <summary>N trivial steps in a row: measures the engine, not the work.</summary>
    private sealed class ChainWorkflow : WorkflowDefinition<int, ChainWorkflow.State>
    {
        public const string WorkflowName = "bench-chain";

        public ChainWorkflow() =>
            Step("next", (ctx, _) =>
            {
                ctx.State.Done++;
                return Task.FromResult(ctx.State.Done >= ctx.Input ? StepResult.Complete(ctx.State.Done) : StepResult.Continue("next"));
            });

        public override string Name => WorkflowName;

        public override string InitialStep => "next";

        protected override State CreateState(int input) => new();

        internal sealed class State
        {
            public int Done { get; set; }
        }
    }
}
