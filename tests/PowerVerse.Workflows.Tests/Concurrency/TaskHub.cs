using Azure.Data.Tables;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Concurrency;

/// <summary>The Durable task hub's instances on the stack's storage: one row per workflow ever started (its id the partition key).</summary>
internal static class TaskHub
{
    public static async Task<IReadOnlySet<string>> InstanceIdsAsync(LocalStack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var service = new TableServiceClient(stack.Storage.ConnectionString);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.EndsWith("Instances", StringComparison.Ordinal))
            {
                continue;
            }

            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                ids.Add(row.PartitionKey);
            }
        }

        return ids;
    }
}
