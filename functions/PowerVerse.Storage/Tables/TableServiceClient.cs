using Azure.Core;
using Azure.Core.Pipeline;
using PowerVerse.Storage.Http;

namespace PowerVerse.Storage.Tables;

/// <summary>The account's Table service: creates and deletes tables and hands out <see cref="TableClient"/>s sharing one pipeline.</summary>
public sealed class TableServiceClient
{
    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;

    public TableServiceClient(string connectionString, StorageClientOptions? options = null)
    {
        var connection = StorageConnectionString.Parse(connectionString);
        _endpoint = connection.TableEndpoint;
        _pipeline = StoragePipeline.FromConnectionString(connection, StorageService.Table, options);
    }

    public TableServiceClient(Uri endpoint, TokenCredential credential, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
        _pipeline = StoragePipeline.FromCredential(credential, StorageService.Table, options);
    }

    public Uri Uri => _endpoint;

    public TableClient GetTableClient(string tableName) => new(_endpoint, tableName, _pipeline);

    public Task CreateTableIfNotExistsAsync(string name, CancellationToken cancellationToken = default) => TableService.CreateAsync(_pipeline, _endpoint, name, cancellationToken);

    public Task DeleteTableAsync(string name, CancellationToken cancellationToken = default) => TableService.DeleteAsync(_pipeline, _endpoint, name, cancellationToken);
}
