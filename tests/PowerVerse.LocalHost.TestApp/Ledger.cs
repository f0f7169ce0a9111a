using Azure;
using Azure.Data.Tables;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PowerVerse.LocalHost.TestApp;

/// <summary>The test app's registrations and its one effect: a keyed credit row in the <c>ledger</c> table.</summary>
public sealed class Ledger(TableClient table)
{
    public const string TableName = "ledger";

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(new TableClient(configuration["AzureWebJobsStorage"], TableName));
        services.AddSingleton<Ledger>();
    }

    public static void AddTasks(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<CreditOrchestrator>();
        registry.AddActivity<CreditActivity>();
    }

    /// <summary>Writes the credit once per key: a second run of the same activity finds it there and changes nothing.</summary>
    public async Task<bool> CreditOnceAsync(string account, string key, long amount)
    {
        await table.CreateIfNotExistsAsync();
        try
        {
            await table.AddEntityAsync(new TableEntity(account, key) { ["Amount"] = amount });
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Appends a row per call (not keyed): counts how often a trigger really ran.</summary>
    public async Task RecordAsync(string partition, string what)
    {
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity(partition, Guid.NewGuid().ToString("N")) { ["What"] = what });
    }
}
