using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>
/// Keeps a received message invisible while it is worked on, renewing at half the visibility timeout (Update
/// Message), and tracks the pop receipt each renewal returns so that the final delete or release uses the
/// current one. If the process dies the renewals stop and the message reappears within one timeout.
/// </summary>
internal sealed class QueueMessageLease : IAsyncDisposable
{
    private readonly Func<QueueClient> _queue;
    private readonly TimeSpan _visibility;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Task _renewal;
    private string _popReceipt;
    private bool _settled;

    public QueueMessageLease(QueueClient queue, QueueMessage message, TimeSpan visibility, TimeProvider time)
        : this(() => queue, message, visibility, time)
    {
    }

    /// <summary>A lease through the agent's current clients: a SAS renewed while the work runs is used from then on.</summary>
    public QueueMessageLease(QueueAccess access, QueueMessage message, TimeSpan visibility, TimeProvider time)
        : this(() => access.Current.Challenges, message, visibility, time)
    {
    }

    private QueueMessageLease(Func<QueueClient> queue, QueueMessage message, TimeSpan visibility, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(visibility, TimeSpan.FromSeconds(1));
        _queue = queue;
        _visibility = visibility;
        _popReceipt = message.PopReceipt;
        MessageId = message.MessageId;
        _renewal = RenewAsync(time, _stop.Token);
    }

    public string MessageId { get; }

    /// <summary>True once a renewal failed: the message may be visible to others again.</summary>
    public bool IsLost { get; private set; }

    /// <summary>Deletes the message: its work is done, or it is dropped (or it was a stale duplicate).</summary>
    public Task CompleteAsync(CancellationToken cancellationToken) =>
        SettleAsync(async receipt =>
        {
            try
            {
                await _queue().DeleteMessageAsync(MessageId, receipt, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Already gone: the lease lapsed and another worker finished it. Deleting is idempotent.
            }
        });

    /// <summary>Makes the message visible again at once (shutdown), or after <paramref name="delay"/>.</summary>
    public Task AbandonAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        SettleAsync(async receipt =>
        {
            try
            {
                await _queue().UpdateMessageAsync(MessageId, receipt, visibilityTimeout: delay, cancellationToken: cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Someone else holds it now.
            }
        });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _renewal;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }

        _stop.Dispose();
        _gate.Dispose();
    }

    private async Task SettleAsync(Func<string, Task> action)
    {
        await _stop.CancelAsync();
        await _gate.WaitAsync();
        try
        {
            if (!_settled)
            {
                _settled = true;
                await action(_popReceipt);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RenewAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var period = _visibility / 2;
        while (true)
        {
            await Task.Delay(period, time, cancellationToken);
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (_settled)
                {
                    return;
                }

                // Not cancelled half-way: a renewal the service applied but we never heard of would leave us a stale pop receipt.
                var receipt = await _queue().UpdateMessageAsync(MessageId, _popReceipt, visibilityTimeout: _visibility, cancellationToken: CancellationToken.None);
                _popReceipt = receipt.Value.PopReceipt;
            }
            catch (Exception e) when (StorageFailure.Is(e))
            {
                // Lost the message (it became visible and someone else took it); callers guard their own effects.
                IsLost = true;
                return;
            }
            finally
            {
                _gate.Release();
            }
        }
    }
}
