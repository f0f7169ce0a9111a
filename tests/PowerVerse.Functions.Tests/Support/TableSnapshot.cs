using Azure.Data.Tables;
using PowerVerse.Functions.ReadModel;

namespace PowerVerse.Functions.Tests.Support;

/// <summary>Every row of every read-model table with its ETag, and the list of tables: equal snapshots mean nothing changed.</summary>
internal static class TableSnapshot
{
    public static async Task<IReadOnlyList<string>> TakeAsync(TableServiceClient service)
    {
        var rows = new List<string>();
        await foreach (var table in service.QueryAsync())
        {
            rows.Add("table " + table.Name);
        }

        foreach (var name in await new ReadModelTables(service).NamesAsync(CancellationToken.None))
        {
            await foreach (var row in service.GetTableClient(name).QueryAsync<TableEntity>())
            {
                rows.Add($"{name}|{row.PartitionKey}|{row.RowKey}|{row.ETag}");
            }
        }

        return rows;
    }
}
