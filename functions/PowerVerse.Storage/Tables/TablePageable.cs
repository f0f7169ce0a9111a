using Azure;

namespace PowerVerse.Storage.Tables;

/// <summary>
/// Query results page by page. The continuation token is "NextPartitionKey NextRowKey" from the
/// <c>x-ms-continuation-*</c> headers ("Query timeout and pagination"); the service's tokens contain no spaces.
/// </summary>
internal sealed class TablePageable<T>(
    Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage, int? maxPerPage, CancellationToken cancellationToken) : AsyncPageable<T>(cancellationToken)
    where T : notnull
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var token = continuationToken;
        do
        {
            var page = await fetchPage(token, pageSizeHint ?? maxPerPage, CancellationToken).ConfigureAwait(false);
            token = page.ContinuationToken;
            yield return page;
        }
        while (token is not null);
    }

    public static string? Token(Response response)
    {
        if (!response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var pk) || string.IsNullOrEmpty(pk))
        {
            return null;
        }

        return response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var rk) && !string.IsNullOrEmpty(rk) ? pk + " " + rk : pk;
    }

    public static (string PartitionKey, string? RowKey) Split(string token)
    {
        var space = token.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (token, null) : (token[..space], token[(space + 1)..]);
    }
}
