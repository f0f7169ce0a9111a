using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Web3;
using PowerVerse.Chain.Keys;
using PowerVerse.Chain.Storage;
using PowerVerse.Chain.Transactions;
using PowerVerse.Functions.Orchestrations.Purchase;
using PowerVerse.Functions.Orchestrations.Relaying;
using PowerVerse.Functions.ReadModel;

namespace PowerVerse.Functions.Writes;

/// <summary>
/// The write side: the gate that admits signed requests, the relayer (platform key, Table-journalled sender), the
/// agents' queues and the access grants. Needs the chain that <c>AddChainIndexer</c> registers.
/// </summary>
public static class WriteRegistration
{
    /// <summary>The relayer's (and later the challenger's and settler's) nonce journal: one partition per platform account.</summary>
    public const string JournalTable = "platformJournal";

    public static IServiceCollection AddWrites(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        UseAppStorageForAgentQueues(configuration);
        services.AddSingleton(configuration.GetSection("Workflows").Get<RelayOptions>() ?? new RelayOptions());
        services.AddSingleton(configuration.GetSection("Relayer").Get<TransactionSenderOptions>() ?? new TransactionSenderOptions());
        services.AddPlatformKeys(configuration);
        services.AddSingleton(s => new WriteChain(s.GetRequiredService<IWeb3>(), s.GetRequiredService<Chain.Deployment.DeploymentManifest>(), s.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WriteGate>();
        services.AddSingleton(s => new Relayer(
            s.GetRequiredService<IWeb3>(), s.GetRequiredService<IPlatformKeys>(), new TableNonceJournal(Tables(s).GetTableClient(JournalTable)),
            s.GetRequiredService<TransactionSenderOptions>(), s.GetRequiredService<TimeProvider>()));
        services.AddSingleton(s => new AccessStore(Tables(s).GetTableClient(AccessStore.TableName)));
        services.AddAzureClients(clients => clients.AddStorageConnection(configuration, AgentQueues.ConnectionName));
        services.AddSingleton(s => new AgentQueues(s.GetRequiredService<IAzureClientFactory<QueueServiceClient>>().CreateClient(AgentQueues.ConnectionName)));
        return services;
    }

    // The journal and the grants live in the app's tables, beside the read model.
    private static TableServiceClient Tables(IServiceProvider services) =>
        services.GetRequiredService<IAzureClientFactory<TableServiceClient>>().CreateClient(ReadModelRegistration.ConnectionName);

    // With no AgentQueues setting the agents' queues are in the app's own storage, as on the local stack; a deployment
    // names the separate agent account (DESIGN §3). Set here, the agent-events queue trigger finds it too.
    private static void UseAppStorageForAgentQueues(IConfiguration configuration)
    {
        if (!configuration.GetSection(AgentQueues.ConnectionName).Exists() && configuration["AzureWebJobsStorage"] is { } storage)
        {
            configuration[AgentQueues.ConnectionName] = storage;
        }
    }
}
