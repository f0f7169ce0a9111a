using System.Text.Json;
using Azure.Data.Tables;

namespace PowerVerse.Indexer.Tests.SeedMarket;

/// <summary>Every row of every read-model table (names start with <c>rm</c>), as comparable text, in key order.</summary>
internal static class ReadModelSnapshot
{
    public static async Task<IReadOnlyList<string>> TakeAsync(string connectionString)
    {
        var service = new TableServiceClient(connectionString);
        var rows = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith("rm", StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                // Storage's own Timestamp and ETag change with every write; the row is everything else.
                var values = row.Keys.Where(k => k is not ("Timestamp" or "odata.etag")).OrderBy(k => k, StringComparer.Ordinal)
                    .ToDictionary(k => k, k => row[k]?.ToString());
                rows.Add($"{table.Name}|{row.PartitionKey}|{row.RowKey}|{JsonSerializer.Serialize(values)}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
