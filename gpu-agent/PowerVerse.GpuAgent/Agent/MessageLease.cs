using Azure;
using PowerVerse.Storage.Queues;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>
/// Keeps a received challenge invisible while it is solved: Update Message pushes its visibility out every third
/// of the timeout and yields a new pop receipt each time. If the agent dies the renewals stop and the message
/// reappears within one timeout, so another run solves it; on a clean stop <see cref="ReleaseAsync"/> makes it
/// visible at once.
/// </summary>
internal sealed class MessageLease(QueueClient queue, QueueMessage message, TimeSpan visibility, AgentLog log)
{
    public string PopReceipt { get; private set; } = message.PopReceipt;

    public string MessageId => message.MessageId;

    public async Task KeepAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(visibility / 3, time, cancellationToken);
                try
                {
                    var receipt = await queue.UpdateMessageAsync(message.MessageId, PopReceipt, visibilityTimeout: visibility, ct: cancellationToken);
                    PopReceipt = receipt.Value.PopReceipt;
                }
                catch (RequestFailedException e)
                {
                    log.Warn("lease-lost", $"message={message.MessageId} status={e.Status} code={e.ErrorCode}");
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Solving ended; whoever cancelled now deletes or releases the message.
        }
    }

    /// <summary>Makes the message visible again now (Update Message with visibility 0).</summary>
    public async Task ReleaseAsync()
    {
        try
        {
            var receipt = await queue.UpdateMessageAsync(message.MessageId, PopReceipt, visibilityTimeout: TimeSpan.Zero, ct: CancellationToken.None);
            PopReceipt = receipt.Value.PopReceipt;
        }
        catch (RequestFailedException e)
        {
            // A renewal cut short may have changed the receipt; the message still reappears when its timeout ends.
            log.Warn("release-failed", $"message={message.MessageId} status={e.Status} code={e.ErrorCode} visible again within {visibility.TotalSeconds}s");
        }
    }

    public Task DeleteAsync() => queue.DeleteMessageAsync(message.MessageId, PopReceipt, CancellationToken.None);
}
