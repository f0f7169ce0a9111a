using Azure;
using Azure.Core;
using PowerVerse.Storage.Queues;
using PowerVerse.Storage.Tables;
using PowerVerse.Testing;

namespace PowerVerse.Storage.Tests.Http;

public sealed class AuthorizationTests
{
    // A valid base64 key that is not the account's.
    private static readonly string WrongKey = Convert.ToBase64String(new byte[64]);

    [Fact]
    public async Task TableClient_WrongAccountKey_Throws403WithServiceCode()
    {
        var azurite = await AzuriteServer.Shared;
        var table = new TableClient(azurite.ConnectionString.Replace(AzuriteServer.AccountKey, WrongKey, StringComparison.Ordinal), StorageNames.Table());

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => table.CreateIfNotExistsAsync());

        // Azure's Table service answers a bad signature with 403 AuthenticationFailed; Azurite 3.37's table
        // emulator answers 403 AuthorizationFailure (its AuthenticationMiddlewareFactory). The code is passed
        // through as the service sent it, so callers should branch on Status 403 for both.
        Assert.Equal(403, e.Status);
        Assert.Equal("AuthorizationFailure", e.ErrorCode);
    }

    [Fact]
    public async Task QueueClient_WrongAccountKey_Throws403AuthenticationFailed()
    {
        var azurite = await AzuriteServer.Shared;
        var queue = new QueueClient(azurite.ConnectionString.Replace(AzuriteServer.AccountKey, WrongKey, StringComparison.Ordinal), StorageNames.Queue());

        var e = await Assert.ThrowsAsync<RequestFailedException>(() => queue.CreateIfNotExistsAsync());

        Assert.Equal(403, e.Status);
        Assert.Equal("AuthenticationFailed", e.ErrorCode);
    }

    [Fact]
    public void QueueClient_SasUrl_SplitsNameUriAndSignature()
    {
        var queue = new QueueClient(new Uri("https://pvstore.queue.core.windows.net/agent-0abc?sv=2024-08-04&ss=q&sp=rp&sig=a%2Bb%3D"));

        Assert.Equal("agent-0abc", queue.Name);
        Assert.Equal(new Uri("https://pvstore.queue.core.windows.net/agent-0abc"), queue.Uri);
        Assert.Equal("agent-0abc-poison", queue.GetPoisonQueueClient().Name);
        Assert.Equal(new Uri("https://pvstore.queue.core.windows.net/agent-0abc-poison"), queue.GetPoisonQueueClient().Uri);
    }

    [Fact]
    public void QueueClient_UrlWithoutSignature_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new QueueClient(new Uri("https://pvstore.queue.core.windows.net/jobs")));
    }

    [Fact]
    public async Task QueueClient_SasUrl_AppendsSignatureToEveryRequest()
    {
        var transport = new RecordingTransport(200);
        var queue = new QueueClient(
            new Uri("https://pvstore.queue.core.windows.net/jobs?sv=2024-08-04&sig=a%2Bb%3D"),
            new StorageClientOptions { Transport = transport });

        await queue.GetPropertiesAsync();

        var request = Assert.Single(transport.Requests);
        Assert.Equal("https://pvstore.queue.core.windows.net/jobs?comp=metadata&sv=2024-08-04&sig=a%2Bb%3D", request.Uri);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task TokenCredentialConstructors_SendBearerTokenForStorageScope()
    {
        var credential = new RecordingCredential();
        var transport = new RecordingTransport(404);
        var options = new StorageClientOptions { Transport = transport };
        var queue = new QueueClient(new Uri("https://pvstore.queue.core.windows.net/jobs"), credential, options);
        var table = new TableClient(new Uri("https://pvstore.table.core.windows.net"), "ranks", credential, options);

        Assert.False(await queue.ExistsAsync());
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);

        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes.Distinct());
        Assert.All(transport.Requests, r => Assert.Equal("Bearer token-1", r.Authorization));
        Assert.Equal("https://pvstore.queue.core.windows.net/jobs?comp=metadata", transport.Requests[0].Uri);
        Assert.Equal("https://pvstore.table.core.windows.net/ranks(PartitionKey='p',RowKey='r')", transport.Requests[1].Uri);
        Assert.All(transport.Requests, r => Assert.False(string.IsNullOrEmpty(r.Version)));
    }

    [Fact]
    public async Task SasConnectionString_AppendsSignatureAndSendsNoAuthorizationHeader()
    {
        var transport = new RecordingTransport(404);
        var table = new TableClient(
            "TableEndpoint=https://pvstore.table.core.windows.net;SharedAccessSignature=sv=2019-02-02&tn=ranks&sig=s%3D",
            "ranks",
            new StorageClientOptions { Transport = transport });

        await table.GetEntityIfExistsAsync<TableEntity>("p", "r");

        var request = Assert.Single(transport.Requests);
        Assert.Equal("https://pvstore.table.core.windows.net/ranks(PartitionKey='p',RowKey='r')?sv=2019-02-02&tn=ranks&sig=s%3D", request.Uri);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task Requests_AreDatedByTheInjectedTimeProvider()
    {
        var transport = new RecordingTransport(404);
        var clock = new FixedTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var queue = new QueueClient(DeadEndpoint.ConnectionString(), "jobs", new StorageClientOptions { Transport = transport, TimeProvider = clock });

        await queue.ExistsAsync();

        Assert.Equal("Wed, 02 Jan 2030 03:04:05 GMT", Assert.Single(transport.Requests).Date);
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("token-1", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
