using Azure.Data.Tables;
using PowerVerse.LocalHost.TestApp;
using PowerVerse.Testing;

namespace PowerVerse.LocalHost.Tests;

/// <summary>Reads the test app's effects (its <c>ledger</c> table) straight from Azurite, whether or not a host runs.</summary>
internal static class TestLedger
{
    public static async Task<List<TableEntity>> RowsAsync(AzuriteServer storage, string partition)
    {
        var table = new TableClient(storage.ConnectionString, Ledger.TableName);
        await table.CreateIfNotExistsAsync();
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The keyed credits of <paramref name="account"/>: key → amount.</summary>
    public static async Task<Dictionary<string, long?>> CreditsAsync(AzuriteServer storage, string account) =>
        (await RowsAsync(storage, account)).ToDictionary(r => r.RowKey, r => r.GetInt64("Amount"));

    /// <summary>How often the credit activity really ran for each key of <paramref name="account"/> (every run is recorded).</summary>
    public static async Task<Dictionary<string, int>> RunsAsync(AzuriteServer storage, string account) =>
        (await RowsAsync(storage, "runs-" + account)).GroupBy(r => r.GetString("What")).ToDictionary(g => g.Key, g => g.Count());
}
