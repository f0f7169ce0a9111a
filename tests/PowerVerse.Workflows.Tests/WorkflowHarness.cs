using Microsoft.Extensions.Logging;
using PowerVerse.Storage.Queues;
using PowerVerse.Storage.Tables;
using PowerVerse.Testing;
using PowerVerse.Workflows.TestHost;

namespace PowerVerse.Workflows.Tests;

/// <summary>
/// An engine over a fresh table and queue in the shared Azurite, with workers that run until disposed.
/// </summary>
internal sealed class WorkflowHarness : IAsyncDisposable
{
    private readonly List<(CancellationTokenSource Stop, Task Run)> _workers = [];

    private WorkflowHarness(string connectionString, string suffix, WorkflowOptions options, IWorkflowProbe? probe, Func<KeyedLedger, WorkflowDefinition[]> definitions)
    {
        ConnectionString = connectionString;
        TableName = "wf" + suffix;
        QueueName = "wf-" + suffix;
        LedgerTableName = "ledger" + suffix;
        Instances = new TableClient(connectionString, TableName);
        Queue = new QueueClient(connectionString, QueueName);
        Ledger = new KeyedLedger(new TableClient(connectionString, LedgerTableName));
        Options = options;
        Engine = new WorkflowEngine(Instances, Queue, new WorkflowRegistry(definitions(Ledger)), options, loggers: ConsoleLoggersWhenAsked(), probe: probe);
    }

    public string ConnectionString { get; }

    public string TableName { get; }

    public string QueueName { get; }

    public string LedgerTableName { get; }

    public TableClient Instances { get; }

    public QueueClient Queue { get; }

    public KeyedLedger Ledger { get; }

    public WorkflowOptions Options { get; }

    public WorkflowEngine Engine { get; }

    public WorkflowClient Client => Engine.Client;

    public static WorkflowOptions FastOptions { get; } = new()
    {
        VisibilityTimeout = TimeSpan.FromSeconds(2),
        MinPollInterval = TimeSpan.FromMilliseconds(10),
        MaxPollInterval = TimeSpan.FromMilliseconds(100),
    };

    public static async Task<WorkflowHarness> CreateAsync(
        Func<KeyedLedger, WorkflowDefinition[]>? definitions = null,
        WorkflowOptions? options = null,
        IWorkflowProbe? probe = null)
    {
        var azurite = await AzuriteServer.Shared;
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var harness = new WorkflowHarness(azurite.ConnectionString, suffix, options ?? FastOptions, probe, definitions ?? (l => [new OrderWorkflow(l)]));
        await harness.Engine.InitializeAsync();
        await new TableClient(azurite.ConnectionString, harness.LedgerTableName).CreateIfNotExistsAsync();
        return harness;
    }

    public void StartWorker()
    {
        var stop = new CancellationTokenSource();
        _workers.Add((stop, Task.Run(() => Engine.CreateWorker().RunAsync(stop.Token))));
    }

    public async Task<WorkflowInstanceStatus> WaitForStatusAsync(string instanceId, Func<WorkflowInstanceStatus, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var status = await Client.GetStatusAsync(instanceId) ?? throw new InvalidOperationException($"No instance {instanceId}.");
            if (condition(status))
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Instance {instanceId} stayed {status.Status} at step {status.Step}; error: {status.Error}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>PV_TEST_LOG=1 prints the engine's log to the console, for a test that needs looking into.</summary>
    private static ILoggerFactory? ConsoleLoggersWhenAsked() =>
        Environment.GetEnvironmentVariable("PV_TEST_LOG") == "1" ? LoggerFactory.Create(builder => builder.AddConsole()) : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var (stop, run) in _workers)
        {
            await stop.CancelAsync();
            await run;
            stop.Dispose();
        }
    }
}
