using Azure;
using PowerVerse.Storage.Queues;
using PowerVerse.Storage.Tables;

namespace PowerVerse.Storage.Tests.Http;

/// <summary>Retries come from Azure.Core's ClientOptions.Retry; transient faults are injected at the transport.</summary>
public sealed class RetryTests
{
    private static StorageClientOptions Options(RecordingTransport transport, int maxRetries)
    {
        var options = new StorageClientOptions { Transport = transport };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        return options;
    }

    [Fact]
    public async Task SharedKeyRequest_Transient503_IsRetriedAndResignedEachAttempt()
    {
        var transport = new RecordingTransport(503, 500, 404);
        var table = new TableClient(DeadEndpoint.ConnectionString(), "ranks", Options(transport, maxRetries: 3));

        var result = await table.GetEntityIfExistsAsync<TableEntity>("p", "r");

        Assert.False(result.HasValue);
        Assert.Equal(3, transport.Requests.Count);
        Assert.All(transport.Requests, r => Assert.StartsWith("SharedKey devstoreaccount1:", r.Authorization, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SasRequest_Retried_AppendsSignatureOnlyOnce()
    {
        var transport = new RecordingTransport(503, 200);
        var queue = new QueueClient(new Uri("https://pvstore.queue.core.windows.net/jobs?sv=1&sig=abc"), Options(transport, maxRetries: 2));

        await queue.GetPropertiesAsync();

        Assert.Equal(2, transport.Requests.Count);
        Assert.All(transport.Requests, r => Assert.Equal("https://pvstore.queue.core.windows.net/jobs?comp=metadata&sv=1&sig=abc", r.Uri));
    }

    [Fact]
    public async Task Request_RetriesExhausted_ThrowsLastStatus()
    {
        var transport = new RecordingTransport(503);
        var queue = new QueueClient(DeadEndpoint.ConnectionString(), "jobs", Options(transport, maxRetries: 2));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => queue.GetPropertiesAsync());

        Assert.Equal(503, e.Status);
        Assert.Equal(3, transport.Requests.Count);
    }

    [Fact]
    public async Task Request_Conflict_IsNotRetried()
    {
        var transport = new RecordingTransport(409);
        var table = new TableClient(DeadEndpoint.ConnectionString(), "ranks", Options(transport, maxRetries: 3));

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, e.Status);
        Assert.Single(transport.Requests);
    }
}
