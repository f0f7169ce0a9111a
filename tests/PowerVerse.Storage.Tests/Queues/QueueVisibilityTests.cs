using PowerVerse.Storage.Queues;

namespace PowerVerse.Storage.Tests.Queues;

/// <summary>Behaviour over real time (a few seconds each); in its own class so it runs beside the others.</summary>
public sealed class QueueVisibilityTests
{
    [Fact]
    public async Task SendMessageAsync_VisibilityDelay_NotReceivedBeforeButAfter()
    {
        var queue = await QueueClientTests.CreateSutAsync();

        var receipt = (await queue.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromSeconds(2))).Value;
        var early = (await queue.ReceiveMessageAsync()).Value;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var late = (await queue.ReceiveMessageAsync()).Value;

        Assert.Null(early);
        Assert.InRange(receipt.TimeNextVisible - receipt.InsertionTime, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        Assert.Equal("later", late?.MessageText);
    }

    [Fact]
    public async Task ReceiveMessageAsync_VisibilityTimeoutLapses_MessageReappearsWithDequeueCount2()
    {
        var queue = await QueueClientTests.CreateSutAsync();
        await queue.SendMessageAsync("retry me");

        var first = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(1))).Value;
        var hidden = (await queue.ReceiveMessageAsync()).Value;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var second = (await queue.ReceiveMessageAsync()).Value;

        Assert.NotNull(first);
        Assert.Null(hidden);
        Assert.NotNull(second);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);
    }

    [Fact]
    public async Task SendMessageAsync_ShortTimeToLive_MessageExpires()
    {
        var queue = await QueueClientTests.CreateSutAsync();

        var receipt = (await queue.SendMessageAsync("short-lived", timeToLive: TimeSpan.FromSeconds(1))).Value;
        await queue.SendMessageAsync("forever", timeToLive: TimeSpan.FromSeconds(-1));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var left = (await queue.PeekMessagesAsync(32)).Value;

        Assert.Equal(TimeSpan.FromSeconds(1), receipt.ExpirationTime - receipt.InsertionTime);
        var only = Assert.Single(left);
        Assert.Equal("forever", only.MessageText);
        Assert.Equal(9999, only.ExpiresOn?.Year);
    }
}
