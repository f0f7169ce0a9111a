using PowerVerse.Storage.Queues;

namespace PowerVerse.Storage.Tests.Queues;

public sealed class QueueMessageLeaseTests
{
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(1);

    /// <summary>Renewals every 1.5 s leave 1.5 s of slack for a slow round trip on a loaded machine.</summary>
    private static readonly TimeSpan RenewedVisibility = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Lease_HeldPastTheVisibilityTimeout_KeepsTheMessageHiddenThenCompleteDeletesIt()
    {
        var queue = await QueueClientTests.CreateSutAsync();
        await queue.SendMessageAsync("work");
        var message = (await queue.ReceiveMessageAsync(RenewedVisibility)).Value!;

        await using (var lease = new QueueMessageLease(queue, message, RenewedVisibility))
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
        var queue = await QueueClientTests.CreateSutAsync();
        await queue.SendMessageAsync("work");
        var message = (await queue.ReceiveMessageAsync(TimeSpan.FromMinutes(5))).Value!;

        await using (var lease = new QueueMessageLease(queue, message, TimeSpan.FromMinutes(5)))
        {
            await lease.AbandonAsync(TimeSpan.Zero, default);
        }

        var again = (await queue.ReceiveMessageAsync()).Value;
        Assert.Equal(message.MessageId, again!.MessageId);
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task Dispose_WithoutSettling_StopsRenewingSoTheMessageReappears()
    {
        var queue = await QueueClientTests.CreateSutAsync();
        await queue.SendMessageAsync("work");
        var message = (await queue.ReceiveMessageAsync(Visibility)).Value!;

        await new QueueMessageLease(queue, message, Visibility).DisposeAsync();
        await Task.Delay(Visibility * 2);

        Assert.Equal(message.MessageId, (await queue.ReceiveMessageAsync()).Value!.MessageId);
    }
}
