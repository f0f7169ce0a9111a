using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using PowerVerse.Storage.Http;

namespace PowerVerse.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>"Query Entities" for one entity by its keys; a missing entity throws 404 ResourceNotFound.</summary>
    public async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var (response, value) = await GetCoreAsync<T>(partitionKey, rowKey, select, tolerateMissing: false, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(value!, response);
    }

    /// <summary>As <see cref="GetEntityAsync{T}"/>, but a missing entity gives <c>HasValue == false</c>.</summary>
    public async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var (response, value) = await GetCoreAsync<T>(partitionKey, rowKey, select, tolerateMissing: true, cancellationToken).ConfigureAwait(false);
        return new TableNullableResponse<T>(response, value);
    }

    /// <summary>
    /// "Query Entities" with <c>$filter</c>, <c>$top</c> (page size) and <c>$select</c>, following the service's
    /// continuation headers page by page. Build filters with <see cref="CreateQueryFilter"/>.
    /// </summary>
    public AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        if (maxPerPage is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "A page holds 1 to 1000 entities.");
        }

        var selectText = Select(select);
        return new TablePageable<T>((token, pageSize, token2) => FetchPageAsync<T>(filter, selectText, token, pageSize, token2), maxPerPage, cancellationToken);
    }

    private async Task<Page<T>> FetchPageAsync<T>(string? filter, string? select, string? continuation, int? top, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        var message = CreateMessage(RequestMethod.Get, "()");
        var uri = message.Request.Uri;
        if (!string.IsNullOrEmpty(filter))
        {
            uri.AppendQuery("$filter", filter, escapeValue: true);
        }

        if (top is { } t)
        {
            uri.AppendQuery("$top", t.ToString(CultureInfo.InvariantCulture), escapeValue: true);
        }

        if (select is not null)
        {
            uri.AppendQuery("$select", select, escapeValue: true);
        }

        if (continuation is not null)
        {
            var (pk, rk) = TablePageable<T>.Split(continuation);
            uri.AppendQuery("NextPartitionKey", pk, escapeValue: true);
            if (rk is not null)
            {
                uri.AppendQuery("NextRowKey", rk, escapeValue: true);
            }
        }

        var response = await _pipeline.ExecuteAsync(message, cancellationToken).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(response.Content.ToMemory());
        var values = doc.RootElement.TryGetProperty("value", out var array)
            ? array.EnumerateArray().Select(e => TableEntityMapper.FromEntity<T>(TableEntityJson.Read(e))).ToList()
            : [];
        return Page<T>.FromValues(values, TablePageable<T>.Token(response), response);
    }

    private async Task<(Response Response, T? Value)> GetCoreAsync<T>(
        string partitionKey, string rowKey, IEnumerable<string>? select, bool tolerateMissing, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        var message = CreateMessage(RequestMethod.Get, TableKeys.EntityPath(partitionKey, rowKey));
        if (Select(select) is { } selectText)
        {
            message.Request.Uri.AppendQuery("$select", selectText, escapeValue: true);
        }

        var response = await _pipeline.ExecuteAsync(message, cancellationToken, r => tolerateMissing && r.Status == 404).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return (response, null);
        }

        using var doc = JsonDocument.Parse(response.Content.ToMemory());
        var entity = TableEntityJson.Read(doc.RootElement);
        if (response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return (response, TableEntityMapper.FromEntity<T>(entity));
    }

    private static string? Select(IEnumerable<string>? select) =>
        select is null ? null : string.Join(',', select.Select(s => s.Trim()).Where(s => s.Length > 0)) is { Length: > 0 } text ? text : null;
}
