using Azure;
using Azure.Data.Tables;

namespace PowerVerse.Functions.ReadModel.Queries;

/// <summary>
/// Reads one page of a filtered range. A server-side filter may answer short or empty pages with a token, so pages are
/// read on until as many are in hand (the page size) or the range ends — each read asks only for what is
/// still missing, so the token returned is exactly where the next page starts.
/// </summary>
internal static class TablePager
{
    public static async Task<StoragePage<T>> ReadAsync<T>(
        TableClient table, string filter, int pageSize, string? storageToken, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var items = new List<T>(pageSize);
        var token = storageToken;
        try
        {
            do
            {
                var pages = table.QueryAsync<T>(filter, maxPerPage: pageSize - items.Count, cancellationToken: cancellationToken).AsPages(token, pageSize - items.Count);
                await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
                if (!await enumerator.MoveNextAsync())
                {
                    return new StoragePage<T>(items, null);
                }

                items.AddRange(enumerator.Current.Values);
                token = enumerator.Current.ContinuationToken;
            }
            while (items.Count < pageSize && token is not null);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The table is not created yet: an empty read model.
            return new StoragePage<T>([], null);
        }

        return new StoragePage<T>(items, string.IsNullOrEmpty(token) ? null : token);
    }

    /// <summary>Every row of a small range (a DAO list, one account's holdings), up to <paramref name="limit"/>.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(TableClient table, string filter, int limit, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var items = new List<T>();
        try
        {
            await foreach (var item in table.QueryAsync<T>(filter, cancellationToken: cancellationToken))
            {
                items.Add(item);
                if (items.Count == limit)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        return items;
    }
}
