using Azure;
using PowerVerse.Storage.Queues;
using PowerVerse.Testing;

namespace PowerVerse.Storage.Tests.Queues;

public sealed class QueueSasTests
{
    [Fact]
    public async Task GenerateSasUri_ProcessAndAdd_AgentCanSendReceiveAndDeleteWithoutTheKey()
    {
        var owner = await QueueClientTests.CreateSutAsync();
        var sasUri = owner.GenerateSasUri(QueueSasPermissions.Add | QueueSasPermissions.Process, DateTimeOffset.UtcNow.AddMinutes(10));
        var agent = new QueueClient(sasUri);

        await agent.SendMessageAsync("from agent");
        var message = (await agent.ReceiveMessageAsync()).Value!;
        await agent.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        Assert.Equal(owner.Name, agent.Name);
        Assert.Equal(owner.Uri, agent.Uri);
        Assert.Equal("from agent", message.MessageText);
        Assert.Equal(0, (await owner.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task GenerateSasUri_AddOnly_CannotReceive()
    {
        var owner = await QueueClientTests.CreateSutAsync();
        var agent = new QueueClient(owner.GenerateSasUri(QueueSasPermissions.Add, DateTimeOffset.UtcNow.AddMinutes(10)));

        await agent.SendMessageAsync("result");
        var e = await Assert.ThrowsAsync<RequestFailedException>(() => agent.ReceiveMessagesAsync());

        Assert.Equal(403, e.Status);
        Assert.Equal(1, (await owner.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task GenerateSasUri_Expired_IsRejected()
    {
        var owner = await QueueClientTests.CreateSutAsync();
        var agent = new QueueClient(owner.GenerateSasUri(QueueSasPermissions.All, DateTimeOffset.UtcNow.AddMinutes(-5)));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => agent.SendMessageAsync("late"));

        Assert.Equal(403, e.Status);
    }

    [Fact]
    public async Task GenerateSasUri_ClientWithoutKey_Throws()
    {
        var azurite = await AzuriteServer.Shared;
        var keyless = new QueueClient(new Uri(azurite.QueueEndpoint + "/jobs?sv=1&sig=x"));

        Assert.False(keyless.CanGenerateSasUri);
        Assert.Throws<InvalidOperationException>(() => keyless.GenerateSasUri(QueueSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(1)));
    }
}
