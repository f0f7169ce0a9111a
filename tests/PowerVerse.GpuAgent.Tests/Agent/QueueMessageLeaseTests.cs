using Azure.Storage.Queues;
using PowerVerse.GpuAgent.Agent;
using PowerVerse.Testing;

namespace PowerVerse.GpuAgent.Tests.Agent;

/// <summary>The lease that keeps a long solve's message invisible, against a real Azurite.</summary>
public sealed class QueueMessageLeaseTests
{
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(1);

    /// <summary>Renewals every 1.5 s leave 1.5 s of slack for a slow round trip on a loaded machine.</summary>
    private static readonly TimeSpan RenewedVisibility = TimeSpan.FromSeconds(3);

    private static int _queues;

    [Fact]
    public async Task Lease_HeldPastTheVisibilityTimeout_KeepsTheMessageHiddenThenCompleteDeletesIt()
    {
        var queue = await CreateSutAsync();
        await queue.SendMessageAsync("work");
        var message = (await queue.ReceiveMessageAsync(RenewedVisibility)).Value!;

        await using (var lease = new QueueMessageLease(queue, message, RenewedVisibility, TimeProvider.System))
        {
            await Task.Delay(RenewedVisibility * 2.5);
            Assert.Null((await queue.ReceiveMessageAsync()).Value);
            Assert.False(lease.IsLost);
            await lease.CompleteAsync(default);
        }

        await Task.Delay(RenewedVisibility * 1.5);
        Assert.Empty((await queue.PeekMessagesAsync(1)).Value);
    }

    [Fact]
    public async Task AbandonAsync_Zero_MakesTheMessageVisibleAtOnce()
    {
        var queue = await CreateSutAsync();
        await queue.SendMessageAsync("work");
        var message = (await queue.ReceiveMessageAsync(TimeSpan.FromMinutes(5))).Value!;

        await using (var lease = new QueueMessageLease(queue, message, TimeSpan.FromMinutes(5), TimeProvider.System))
        {
            await lease.AbandonAsync(TimeSpan.Zero, default);
        }

        var again = (await queue.ReceiveMessageAsync()).Value;
        Assert.Equal(message.MessageId, again!.MessageId);
        Assert.Equal(2, again.DequeueCount);
        Assert.Equal("work", again.Body.ToString());
    }

    [Fact]
    public async Task Dispose_WithoutSettling_StopsRenewingSoTheMessageReappears()
    {
        var queue = await CreateSutAsync();
        await queue.SendMessageAsync("work");
        var message = (await queue.ReceiveMessageAsync(Visibility)).Value!;

        await new QueueMessageLease(queue, message, Visibility, TimeProvider.System).DisposeAsync();
        await Task.Delay(Visibility * 2);

        Assert.Equal(message.MessageId, (await queue.ReceiveMessageAsync()).Value!.MessageId);
    }

    [Fact]
    public async Task CompleteAsync_AfterTheMessageWasTakenAndDeletedElsewhere_IsHarmless()
    {
        var queue = await CreateSutAsync();
        await queue.SendMessageAsync("work");
        var message = (await queue.ReceiveMessageAsync(Visibility)).Value!;
        await using var lease = new QueueMessageLease(queue, message, TimeSpan.FromMinutes(5), TimeProvider.System);
        await Task.Delay(Visibility * 2);
        var other = (await queue.ReceiveMessageAsync()).Value!;
        await queue.DeleteMessageAsync(other.MessageId, other.PopReceipt);

        await lease.CompleteAsync(default);

        Assert.Empty((await queue.PeekMessagesAsync(1)).Value);
    }

    private static async Task<QueueClient> CreateSutAsync()
    {
        var azurite = await AzuriteServer.Shared;
        var queue = new QueueClient(azurite.ConnectionString, $"lease-{Guid.NewGuid():N}"[..30] + "-" + Interlocked.Increment(ref _queues), AgentQueues.ClientOptions);
        await queue.CreateAsync();
        return queue;
    }
}
