using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using PowerVerse.Storage.Http;

namespace PowerVerse.Storage.Queues;

/// <summary>
/// A client for one queue on the Queue service REST API, mirroring Azure.Storage.Queues' QueueClient.
/// Errors are <see cref="RequestFailedException"/> carrying the service's error code.
/// </summary>
public sealed partial class QueueClient
{
    /// <summary>Azure Functions' convention for where messages that keep failing go.</summary>
    public const string PoisonSuffix = "-poison";

    private readonly HttpPipeline _pipeline;
    private readonly QueueMessageEncoding _encoding;
    private readonly StorageSharedKey? _sharedKey;

    public QueueClient(string connectionString, string queueName, StorageClientOptions? options = null)
        : this(QueueUri(StorageConnectionString.Parse(connectionString), queueName, out var connection),
            StoragePipeline.FromConnectionString(connection, StorageService.Queue, options), EncodingOf(options), StorageSharedKey.From(connection))
    {
    }

    public QueueClient(Uri queueUri, TokenCredential credential, StorageClientOptions? options = null)
        : this(queueUri, StoragePipeline.FromCredential(credential, StorageService.Queue, options), EncodingOf(options))
    {
    }

    /// <summary>For a queue URL that carries its own shared access signature in the query (what a gpu-agent is given).</summary>
    public QueueClient(Uri queueUriWithSas, StorageClientOptions? options = null)
        : this(WithoutQuery(queueUriWithSas, out var sas), StoragePipeline.FromSas(sas, StorageService.Queue, options), EncodingOf(options))
    {
    }

    internal QueueClient(Uri queueUri, HttpPipeline pipeline, QueueMessageEncoding encoding, StorageSharedKey? sharedKey = null)
    {
        ArgumentNullException.ThrowIfNull(queueUri);
        var path = queueUri.AbsolutePath.TrimEnd('/');
        Name = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        QueueNames.Validate(Name);
        Uri = new Uri(queueUri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        _pipeline = pipeline;
        _encoding = encoding;
        _sharedKey = sharedKey;
    }

    public string Name { get; }

    /// <summary>The queue's address, without any SAS.</summary>
    public Uri Uri { get; }

    /// <summary>"Create Queue": an existing queue is not an error.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var message = CreateMessage(RequestMethod.Put, string.Empty);
        using var response = await _pipeline.ExecuteAsync(message, cancellationToken, r => r.Status == 409 && StorageRequests.ErrorCode(r) == "QueueAlreadyExists")
            .ConfigureAwait(false);
    }

    /// <summary>"Delete Queue": a missing queue is not an error.</summary>
    public async Task DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        var message = CreateMessage(RequestMethod.Delete, string.Empty);
        using var response = await _pipeline.ExecuteAsync(message, cancellationToken, r => r.Status == 404).ConfigureAwait(false);
    }

    public async Task<bool> ExistsAsync(CancellationToken cancellationToken = default)
    {
        var message = CreateMessage(RequestMethod.Get, string.Empty);
        message.Request.Uri.AppendQuery("comp", "metadata");
        using var response = await _pipeline.ExecuteAsync(message, cancellationToken, r => r.Status == 404).ConfigureAwait(false);
        return response.Status != 404;
    }

    /// <summary>"Get Queue Metadata": the approximate message count and <c>x-ms-meta-*</c> metadata.</summary>
    public async Task<Response<QueueProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        var message = CreateMessage(RequestMethod.Get, string.Empty);
        message.Request.Uri.AppendQuery("comp", "metadata");
        var response = await _pipeline.ExecuteAsync(message, cancellationToken).ConfigureAwait(false);
        var count = response.Headers.TryGetValue("x-ms-approximate-messages-count", out var text)
            && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Where(h => h.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase)))
        {
            metadata[header.Name["x-ms-meta-".Length..]] = header.Value;
        }

        return Response.FromValue(new QueueProperties { ApproximateMessagesCount = count, Metadata = metadata }, response);
    }

    /// <summary>Whether this client holds the account key, so <see cref="GenerateSasUri"/> can sign.</summary>
    public bool CanGenerateSasUri => _sharedKey is not null;

    /// <summary>
    /// A URL for this queue carrying a service SAS signed with the account key, for a party that must not hold the
    /// key (a gpu-agent gets one for its own queue, another with Add only for the result queue).
    /// </summary>
    public Uri GenerateSasUri(QueueSasPermissions permissions, DateTimeOffset expiresOn)
    {
        if (_sharedKey is null)
        {
            throw new InvalidOperationException("Only a client built from a connection string with an AccountKey can sign a SAS.");
        }

        if (permissions == QueueSasPermissions.None || (permissions & ~QueueSasPermissions.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(permissions), permissions, "Name at least one of Read, Add, Update, Process.");
        }

        // The permission letters must appear in the order the service lists them: r, a, u, p.
        var letters = string.Concat(
            permissions.HasFlag(QueueSasPermissions.Read) ? "r" : string.Empty,
            permissions.HasFlag(QueueSasPermissions.Add) ? "a" : string.Empty,
            permissions.HasFlag(QueueSasPermissions.Update) ? "u" : string.Empty,
            permissions.HasFlag(QueueSasPermissions.Process) ? "p" : string.Empty);
        var sas = _sharedKey.QueueSas(Name, letters, expiresOn, StoragePipeline.Version(StorageService.Queue));
        return new Uri(Uri.AbsoluteUri + "?" + sas);
    }

    /// <summary>The queue named <c>&lt;name&gt;-poison</c> beside this one, on the same credentials.</summary>
    public QueueClient GetPoisonQueueClient()
    {
        var poison = Name + PoisonSuffix;
        QueueNames.Validate(poison);
        var parent = Uri.AbsoluteUri[..(Uri.AbsoluteUri.LastIndexOf('/') + 1)];
        return new QueueClient(new Uri(parent + poison), _pipeline, _encoding, _sharedKey);
    }

    /// <summary>
    /// Moves a message that cannot be processed to the poison queue: creates it if needed, sends the same text
    /// there (never expiring), and only then deletes the original, so a crash in between duplicates but never loses it.
    /// </summary>
    public async Task MoveToPoisonAsync(QueueMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var poison = GetPoisonQueueClient();
        await poison.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await poison.SendMessageAsync(message.MessageText, timeToLive: Timeout.InfiniteTimeSpan, cancellationToken: cancellationToken).ConfigureAwait(false);
        await DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
    }

    private HttpMessage CreateMessage(RequestMethod method, string path)
    {
        var message = _pipeline.CreateMessage(method, Uri);
        if (path.Length > 0)
        {
            message.Request.Uri.AppendPath(path, escape: false);
        }

        return message;
    }

    private static QueueMessageEncoding EncodingOf(StorageClientOptions? options) =>
        (options as QueueClientOptions)?.MessageEncoding ?? QueueMessageEncoding.None;

    private static Uri QueueUri(StorageConnectionString connection, string queueName, out StorageConnectionString parsed)
    {
        parsed = connection;
        QueueNames.Validate(queueName);
        return new Uri(connection.QueueEndpoint.AbsoluteUri.TrimEnd('/') + "/" + queueName);
    }

    private static Uri WithoutQuery(Uri queueUriWithSas, out string sas)
    {
        ArgumentNullException.ThrowIfNull(queueUriWithSas);
        sas = queueUriWithSas.Query.TrimStart('?');
        if (!sas.Split('&').Any(p => p.StartsWith("sig=", StringComparison.Ordinal)))
        {
            throw new ArgumentException("The queue URL carries no shared access signature (no 'sig' in its query).", nameof(queueUriWithSas));
        }

        return new Uri(queueUriWithSas.GetLeftPart(UriPartial.Path));
    }
}
