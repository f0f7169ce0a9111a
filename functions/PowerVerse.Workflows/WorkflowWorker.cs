using Microsoft.Extensions.Logging;
using PowerVerse.Workflows.Persistence;

namespace PowerVerse.Workflows;

/// <summary>
/// Polls the steps queue and processes up to <see cref="WorkflowOptions.MaxConcurrency"/> messages at once.
/// Any number of workers, in any number of processes, may run against the same storage.
/// </summary>
public sealed partial class WorkflowWorker
{
    private readonly WorkflowStore _store;
    private readonly StepProcessor _processor;
    private readonly WorkflowOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal WorkflowWorker(WorkflowStore store, StepProcessor processor, WorkflowOptions options, TimeProvider time, ILogger logger)
    {
        _store = store;
        _processor = processor;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled; in-flight messages go back to the queue.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(_options.MaxConcurrency);
        var inFlight = new HashSet<Task>();
        var idle = _options.MinPollInterval;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await slots.WaitAsync(cancellationToken);
                var free = slots.CurrentCount + 1;
                var received = await ReceiveAsync(Math.Min(32, free), cancellationToken);
                if (received.Length == 0)
                {
                    slots.Release();
                    await Task.Delay(idle, _time, cancellationToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _options.MaxPollInterval.Ticks));
                    continue;
                }

                idle = _options.MinPollInterval;
                for (var i = 1; i < received.Length; i++)
                {
                    await slots.WaitAsync(cancellationToken);
                }

                foreach (var message in received)
                {
                    var task = ProcessOneAsync(message, slots, cancellationToken);
                    lock (inFlight)
                    {
                        inFlight.Add(task);
                    }

                    _ = task.ContinueWith(
                        t =>
                        {
                            lock (inFlight)
                            {
                                inFlight.Remove(t);
                            }
                        },
                        CancellationToken.None,
                        TaskContinuationOptions.ExecuteSynchronously,
                        TaskScheduler.Default);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }

        Task[] pending;
        lock (inFlight)
        {
            pending = [.. inFlight];
        }

        await Task.WhenAll(pending);
    }

    private async Task<Storage.Queues.QueueMessage[]> ReceiveAsync(int count, CancellationToken cancellationToken)
    {
        try
        {
            return (await _store.Queue.ReceiveMessagesAsync(count, _options.VisibilityTimeout, cancellationToken)).Value;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReceiveFailed(ex);
            return [];
        }
    }

    private async Task ProcessOneAsync(Storage.Queues.QueueMessage message, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            await _processor.ProcessAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Handed back to the queue by the processor.
        }
        catch (Exception ex)
        {
            // Storage trouble mid-step: the message comes back after its visibility timeout and is retried,
            // up to MaxDequeueCount receives.
            LogProcessingFailed(ex, message.MessageId, message.DequeueCount);
        }
        finally
        {
            slots.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving workflow messages failed")]
    private partial void LogReceiveFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Workflow message {MessageId} (receive {DequeueCount}) failed; it will be retried")]
    private partial void LogProcessingFailed(Exception exception, string messageId, long dequeueCount);
}
