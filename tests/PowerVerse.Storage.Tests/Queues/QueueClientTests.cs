using Azure;
using PowerVerse.Storage.Queues;
using PowerVerse.Testing;

namespace PowerVerse.Storage.Tests.Queues;

public sealed class QueueClientTests
{
    internal static async Task<QueueClient> CreateSutAsync(StorageClientOptions? options = null)
    {
        var azurite = await AzuriteServer.Shared;
        var queue = new QueueClient(azurite.ConnectionString, StorageNames.Queue(), options);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    [Fact]
    public async Task CreateIfNotExistsAsync_Twice_ExistsThenDeleteIfExistsRemovesIt()
    {
        var queue = await CreateSutAsync();
        await queue.CreateIfNotExistsAsync();

        var before = await queue.ExistsAsync();
        await queue.DeleteIfExistsAsync();
        await queue.DeleteIfExistsAsync();

        Assert.True(before);
        Assert.False(await queue.ExistsAsync());
    }

    [Fact]
    public async Task SendMessageAsync_ThenReceive_ReturnsSameTextAndMetadata()
    {
        var queue = await CreateSutAsync();
        const string text = "{\"type\":\"challenge\",\"note\":\"<a & b>\"}";

        var receipt = (await queue.SendMessageAsync(text)).Value;
        var message = (await queue.ReceiveMessageAsync()).Value;

        Assert.NotNull(message);
        Assert.Equal(receipt.MessageId, message.MessageId);
        Assert.Equal(text, message.MessageText);
        Assert.Equal(text, message.Body.ToString());
        Assert.Equal(1, message.DequeueCount);
        Assert.NotNull(message.InsertedOn);
        Assert.True(message.NextVisibleOn > message.InsertedOn);
        Assert.InRange(receipt.ExpirationTime - receipt.InsertionTime, TimeSpan.FromDays(7) - TimeSpan.FromSeconds(2), TimeSpan.FromDays(7) + TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task ReceiveMessagesAsync_EmptyQueue_ReturnsNoMessages()
    {
        var queue = await CreateSutAsync();

        Assert.Empty((await queue.ReceiveMessagesAsync(32)).Value);
        Assert.Null((await queue.ReceiveMessageAsync()).Value);
    }

    [Fact]
    public async Task PeekMessagesAsync_LeavesMessagesVisible_AndCountIsApproximated()
    {
        var queue = await CreateSutAsync();
        foreach (var i in Enumerable.Range(0, 3))
        {
            await queue.SendMessageAsync($"m{i}");
        }

        var peeked = (await queue.PeekMessagesAsync(32)).Value;
        var properties = (await queue.GetPropertiesAsync()).Value;
        var received = (await queue.ReceiveMessagesAsync(32)).Value;

        Assert.Equal(["m0", "m1", "m2"], peeked.Select(p => p.MessageText));
        Assert.All(peeked, p => Assert.Equal(0, p.DequeueCount));
        Assert.Equal(3, properties.ApproximateMessagesCount);
        Assert.Equal(3, received.Length);
    }

    [Fact]
    public async Task ClearMessagesAsync_RemovesEverything()
    {
        var queue = await CreateSutAsync();
        await queue.SendMessageAsync("a");
        await queue.SendMessageAsync("b");

        await queue.ClearMessagesAsync();

        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task DeleteMessageAsync_CurrentReceipt_Deletes_StaleReceiptFails()
    {
        var queue = await CreateSutAsync();
        await queue.SendMessageAsync("x");
        var first = (await queue.ReceiveMessageAsync()).Value!;
        var updated = (await queue.UpdateMessageAsync(first.MessageId, first.PopReceipt, visibilityTimeout: TimeSpan.FromSeconds(30))).Value;

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(first.MessageId, first.PopReceipt));
        var deleted = await queue.DeleteMessageAsync(first.MessageId, updated.PopReceipt);

        // Azurite answers 400 PopReceiptMismatch; Azure documents the same code (or 404 MessageNotFound once the
        // message is gone). Either way the caller sees the service's code, not a generic failure.
        Assert.Equal((400, "PopReceiptMismatch"), (stale.Status, stale.ErrorCode));
        Assert.Equal(204, deleted.Status);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task UpdateMessageAsync_NewText_IsWhatTheNextReceiveSees()
    {
        var queue = await CreateSutAsync();
        await queue.SendMessageAsync("before");
        var message = (await queue.ReceiveMessageAsync()).Value!;

        var receipt = (await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, "after & <more>", TimeSpan.Zero)).Value;
        var again = (await queue.ReceiveMessageAsync()).Value;

        Assert.NotEqual(message.PopReceipt, receipt.PopReceipt);
        Assert.NotNull(again);
        Assert.Equal("after & <more>", again.MessageText);
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task UpdateMessageAsync_ZeroVisibility_MakesMessageReceivableAtOnce()
    {
        var queue = await CreateSutAsync();
        await queue.SendMessageAsync("work");
        var message = (await queue.ReceiveMessageAsync(TimeSpan.FromMinutes(5))).Value!;
        Assert.Null((await queue.ReceiveMessageAsync()).Value);

        await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        var again = (await queue.ReceiveMessageAsync()).Value;

        Assert.NotNull(again);
        Assert.Equal("work", again.MessageText);
    }

    [Fact]
    public async Task MoveToPoisonAsync_SendsToPoisonQueueThenDeletesOriginal()
    {
        var queue = await CreateSutAsync();
        await queue.SendMessageAsync("bad payload");
        var message = (await queue.ReceiveMessageAsync()).Value!;

        await queue.MoveToPoisonAsync(message);

        var poison = queue.GetPoisonQueueClient();
        Assert.Equal(queue.Name + "-poison", poison.Name);
        var moved = (await poison.ReceiveMessageAsync()).Value;
        Assert.NotNull(moved);
        Assert.Equal("bad payload", moved.MessageText);
        Assert.Equal(DateTimeOffset.MaxValue.Year, moved.ExpiresOn?.Year);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task SendMessageAsync_Base64Encoding_StoresBase64AndDecodesOnReceive()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var queue = await CreateSutAsync(options);
        var azurite = await AzuriteServer.Shared;
        var plain = new QueueClient(azurite.ConnectionString, queue.Name);

        await queue.SendMessageAsync("héllo");
        var raw = (await plain.PeekMessagesAsync()).Value.Single();
        var decoded = (await queue.ReceiveMessageAsync()).Value;

        Assert.Equal(Convert.ToBase64String("héllo"u8.ToArray()), raw.MessageText);
        Assert.Equal("héllo", decoded?.MessageText);
    }

    [Fact]
    public async Task SendMessageAsync_OutOfRangeArguments_ThrowBeforeIo()
    {
        var queue = new QueueClient(DeadEndpoint.ConnectionString(), "jobs");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", TimeSpan.FromDays(8)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", TimeSpan.FromDays(7)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", timeToLive: TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(33));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.PeekMessagesAsync(33));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("under_score")]
    public void Constructor_InvalidQueueName_ThrowsArgumentException(string name)
    {
        Assert.Throws<ArgumentException>(() => new QueueClient(DeadEndpoint.ConnectionString(), name));
        Assert.Throws<ArgumentException>(() => new QueueServiceClient(DeadEndpoint.ConnectionString()).GetQueueClient(name));
    }

    [Fact]
    public async Task QueueServiceClient_GetQueueClient_SharesAccount()
    {
        var azurite = await AzuriteServer.Shared;
        var service = new QueueServiceClient(azurite.ConnectionString);
        var queue = service.GetQueueClient(StorageNames.Queue());

        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("via service");

        Assert.Equal(new Uri(azurite.QueueEndpoint + "/" + queue.Name), queue.Uri);
        Assert.Equal("via service", (await queue.PeekMessagesAsync()).Value.Single().MessageText);
    }

    [Fact]
    public async Task SendMessageAsync_MissingQueue_Throws404QueueNotFound()
    {
        var azurite = await AzuriteServer.Shared;
        var queue = new QueueClient(azurite.ConnectionString, StorageNames.Queue());

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync("x"));

        Assert.Equal(404, e.Status);
        Assert.Equal("QueueNotFound", e.ErrorCode);
    }
}
