using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PowerVerse.Storage.Queues;
using PowerVerse.Storage.Tables;
using PowerVerse.Workflows.Persistence;

namespace PowerVerse.Workflows;

/// <summary>
/// The durable workflow engine over one instances table and one steps queue: hands out the
/// <see cref="Client"/> and creates workers.
/// </summary>
public sealed class WorkflowEngine
{
    private readonly WorkflowStore _store;
    private readonly WorkflowRegistry _registry;
    private readonly WorkflowOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly IWorkflowProbe? _probe;

    public WorkflowEngine(
        TableClient instances,
        QueueClient steps,
        WorkflowRegistry registry,
        WorkflowOptions? options = null,
        TimeProvider? time = null,
        ILoggerFactory? loggers = null,
        IWorkflowProbe? probe = null)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(steps);
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _options = (options ?? new WorkflowOptions()).Validate();
        _time = time ?? TimeProvider.System;
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _probe = probe;
        _store = new WorkflowStore(instances, steps, _options);
        Client = new WorkflowClient(_store, _registry, _options, _time);
    }

    public WorkflowClient Client { get; }

    /// <summary>Creates the table, the steps queue and its poison queue if they are missing.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _store.InitializeAsync(cancellationToken);

    public WorkflowWorker CreateWorker()
    {
        var logger = _loggers.CreateLogger<WorkflowWorker>();
        var processor = new StepProcessor(_store, _registry, _options, _time, _probe, logger);
        return new WorkflowWorker(_store, processor, _options, _time, logger);
    }
}
