using Azure.Core;
using Azure.Core.Pipeline;
using PowerVerse.Storage.Http;

namespace PowerVerse.Storage.Queues;

/// <summary>The account's Queue service: hands out <see cref="QueueClient"/>s that share one pipeline.</summary>
public sealed class QueueServiceClient
{
    private readonly HttpPipeline _pipeline;
    private readonly QueueMessageEncoding _encoding;
    private readonly StorageSharedKey? _sharedKey;

    public QueueServiceClient(string connectionString, StorageClientOptions? options = null)
    {
        var connection = StorageConnectionString.Parse(connectionString);
        Uri = connection.QueueEndpoint;
        _pipeline = StoragePipeline.FromConnectionString(connection, StorageService.Queue, options);
        _sharedKey = StorageSharedKey.From(connection);
        _encoding = (options as QueueClientOptions)?.MessageEncoding ?? QueueMessageEncoding.None;
    }

    public QueueServiceClient(Uri endpoint, TokenCredential credential, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        Uri = endpoint;
        _pipeline = StoragePipeline.FromCredential(credential, StorageService.Queue, options);
        _encoding = (options as QueueClientOptions)?.MessageEncoding ?? QueueMessageEncoding.None;
    }

    public Uri Uri { get; }

    public QueueClient GetQueueClient(string queueName)
    {
        QueueNames.Validate(queueName);
        return new QueueClient(new Uri(Uri.AbsoluteUri.TrimEnd('/') + "/" + queueName), _pipeline, _encoding, _sharedKey);
    }
}
