using System.Globalization;
using PowerVerse.Storage.Queues;
using PowerVerse.Storage.Tables;
using PowerVerse.Workflows;
using PowerVerse.Workflows.TestHost;

// A worker process for crash tests: runs OrderWorkflow until killed.
// Args: <connection string> <table> <queue> <ledger table> <visibility ms> [kill point ...]
if (args.Length < 5)
{
    Console.Error.WriteLine("usage: <connection> <table> <queue> <ledger-table> <visibility-ms> [instance:Checkpoint:step ...]");
    return 2;
}

var connection = args[0];
var ledger = new KeyedLedger(new TableClient(connection, args[3]));
var options = new WorkflowOptions
{
    VisibilityTimeout = TimeSpan.FromMilliseconds(int.Parse(args[4], CultureInfo.InvariantCulture)),
    MaxDequeueCount = 50,

    // One message at a time: when the probe freezes the process, nothing else moves until it is killed.
    MaxConcurrency = 1,
    MinPollInterval = TimeSpan.FromMilliseconds(20),
    MaxPollInterval = TimeSpan.FromMilliseconds(200),
};
var engine = new WorkflowEngine(
    new TableClient(connection, args[1]),
    new QueueClient(connection, args[2]),
    new WorkflowRegistry(new OrderWorkflow(ledger)),
    options,
    probe: new KillProbe(args.Skip(5)));
await engine.InitializeAsync();

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
Console.Out.WriteLine("READY");
await Console.Out.FlushAsync();
await engine.CreateWorker().RunAsync(stop.Token);
return 0;
