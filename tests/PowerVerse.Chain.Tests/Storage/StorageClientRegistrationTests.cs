using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PowerVerse.Chain.Storage;
using PowerVerse.Testing;

namespace PowerVerse.Chain.Tests.Storage;

/// <summary>Storage clients from configuration alone, in the Functions host's connection shapes.</summary>
public sealed class StorageClientRegistrationTests
{
    private static readonly string[] ConnectionNames = ["ReadModel", "AzureWebJobsStorage", "Missing"];

    [Fact]
    public async Task AddStorageConnection_ExplicitEndpointsConnectionString_ClientsWorkAgainstAzurite()
    {
        var azurite = await AzuriteServer.Shared;
        var services = Services(new() { ["ReadModel"] = azurite.ConnectionString });
        var table = services.GetRequiredService<IAzureClientFactory<TableServiceClient>>().CreateClient("ReadModel").GetTableClient("registration" + Guid.NewGuid().ToString("N")[..8]);
        var queue = services.GetRequiredService<IAzureClientFactory<QueueServiceClient>>().CreateClient("ReadModel").GetQueueClient("registration-" + Guid.NewGuid().ToString("N")[..8]);

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Vid"] = 7L });
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("""{"version":1}""");

        Assert.Equal(7L, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt64("Vid"));
        // Plain UTF-8 JSON on the wire, as the queue triggers read it (messageEncoding "none").
        Assert.Equal("""{"version":1}""", (await queue.ReceiveMessageAsync()).Value.Body.ToString());
    }

    [Fact]
    public void AddStorageConnection_DevelopmentStorage_PointsAtTheLocalEmulator()
    {
        var services = Services(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        var tables = services.GetRequiredService<IAzureClientFactory<TableServiceClient>>().CreateClient("AzureWebJobsStorage");
        var queues = services.GetRequiredService<IAzureClientFactory<QueueServiceClient>>().CreateClient("AzureWebJobsStorage");

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), tables.Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), queues.Uri);
    }

    [Fact]
    public void AddStorageConnection_IdentityShape_UsesTheServiceUris()
    {
        // Only built, never called: a managed identity is reached through an address outside this machine.
        var services = Services(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "https://pvstore.table.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://pvstore.queue.core.windows.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var tables = services.GetRequiredService<IAzureClientFactory<TableServiceClient>>().CreateClient("AzureWebJobsStorage");
        var queues = services.GetRequiredService<IAzureClientFactory<QueueServiceClient>>().CreateClient("AzureWebJobsStorage");

        Assert.Equal(new Uri("https://pvstore.table.core.windows.net"), tables.Uri);
        Assert.Equal("pvstore", queues.AccountName);
    }

    [Fact]
    public void AddStorageConnection_NeitherShape_NamesTheMissingSetting()
    {
        var services = Services(new() { ["Other"] = "x" });

        var ex = Assert.Throws<InvalidOperationException>(() =>
            services.GetRequiredService<IAzureClientFactory<TableServiceClient>>().CreateClient("Missing"));

        Assert.Contains("Missing__tableServiceUri", ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddAzureClients(builder =>
        {
            foreach (var name in ConnectionNames)
            {
                builder.AddStorageConnection(configuration, name);
            }
        });
        return services.BuildServiceProvider();
    }
}
