using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using PowerVerse.Storage.Http;

namespace PowerVerse.Storage.Tables;

/// <summary>
/// A client for one table and its entities, on the Table service REST API (version 2019-02-02). Mirrors the
/// surface of Azure.Data.Tables' TableClient; errors are <see cref="RequestFailedException"/> with the service's code.
/// </summary>
public sealed partial class TableClient
{
    private const string JsonType = "application/json";
    private const string Accept = "application/json;odata=minimalmetadata";

    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;

    public TableClient(string connectionString, string tableName, StorageClientOptions? options = null)
        : this(ParseEndpoint(connectionString, out var connection), tableName,
            StoragePipeline.FromConnectionString(connection, StorageService.Table, options))
    {
    }

    public TableClient(Uri endpoint, string tableName, TokenCredential credential, StorageClientOptions? options = null)
        : this(endpoint, tableName, StoragePipeline.FromCredential(credential, StorageService.Table, options))
    {
    }

    internal TableClient(Uri endpoint, string tableName, HttpPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        TableKeys.ValidateTableName(tableName);
        _endpoint = endpoint;
        _pipeline = pipeline;
        Name = tableName;
        Uri = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + tableName);
    }

    public string Name { get; }

    /// <summary>The table's address, used as the base of entity addresses.</summary>
    public Uri Uri { get; }

    /// <summary>Creates the table ("Create Table"); an existing table is not an error.</summary>
    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => TableService.CreateAsync(_pipeline, _endpoint, Name, cancellationToken);

    /// <summary>Deletes the table ("Delete Table"); a missing table is not an error.</summary>
    public Task DeleteAsync(CancellationToken cancellationToken = default) => TableService.DeleteAsync(_pipeline, _endpoint, Name, cancellationToken);

    /// <summary>"Insert Entity": fails with 409 EntityAlreadyExists when the keys are taken. Sets <c>entity.ETag</c>.</summary>
    public async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        TableKeys.Validate(entity);
        var message = CreateMessage(RequestMethod.Post, string.Empty);
        SetBody(message.Request, TableEntityMapper.ToProperties(entity));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        return SetETag(entity, await _pipeline.ExecuteAsync(message, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>"Insert Or Merge Entity" / "Insert Or Replace Entity": no If-Match, never a conflict.</summary>
    public async Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        TableKeys.Validate(entity);
        var message = CreateEntityWrite(entity, mode, ifMatch: null);
        return SetETag(entity, await _pipeline.ExecuteAsync(message, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// "Merge Entity" / "Update Entity" with <c>If-Match</c>: 412 UpdateConditionNotSatisfied when the entity changed,
    /// 404 when it is missing. <see cref="ETag.All"/> updates whatever version there is. Sets <c>entity.ETag</c>.
    /// </summary>
    public async Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        TableKeys.Validate(entity);
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs an ETag to match; pass ETag.All to update unconditionally.", nameof(ifMatch));
        }

        var message = CreateEntityWrite(entity, mode, TableBatchWriter.IfMatch(ifMatch));
        return SetETag(entity, await _pipeline.ExecuteAsync(message, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// "Delete Entity". The default ETag deletes unconditionally, and then a missing entity is not an error
    /// (the 404 response is returned, as Azure.Data.Tables does); a stale ETag is a 412.
    /// </summary>
    public async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        var ifMatchHeader = TableBatchWriter.IfMatch(ifMatch);
        var message = CreateMessage(RequestMethod.Delete, TableKeys.EntityPath(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", ifMatchHeader);
        return await _pipeline.ExecuteAsync(message, cancellationToken, r => r.Status == 404 && ifMatchHeader == "*").ConfigureAwait(false);
    }

    /// <summary>Formats an interpolated filter, turning each argument into an OData literal with correct escaping.</summary>
    public static string CreateQueryFilter(FormattableString filter) => TableQueryFilter.Format(filter);

    private HttpMessage CreateEntityWrite<T>(T entity, TableUpdateMode mode, string? ifMatch)
        where T : class, ITableEntity, new()
    {
        var method = mode == TableUpdateMode.Merge ? StorageRequests.Merge : RequestMethod.Put;
        var message = CreateMessage(method, TableKeys.EntityPath(entity.PartitionKey, entity.RowKey));
        SetBody(message.Request, TableEntityMapper.ToProperties(entity));
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch);
        }

        return message;
    }

    private HttpMessage CreateMessage(RequestMethod method, string path)
    {
        var message = _pipeline.CreateMessage(method, Uri);
        message.Request.Uri.AppendPath(path, escape: false);
        message.Request.Headers.SetValue("Accept", Accept);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        return message;
    }

    private static void SetBody(Request request, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        request.Headers.SetValue("Content-Type", JsonType);
        request.Content = RequestContent.Create(TableEntityJson.Serialize(properties));
    }

    private static Response SetETag(ITableEntity entity, Response response)
    {
        if (response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return response;
    }

    private static Uri ParseEndpoint(string connectionString, out StorageConnectionString connection)
    {
        connection = StorageConnectionString.Parse(connectionString);
        return connection.TableEndpoint;
    }
}
