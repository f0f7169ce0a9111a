using Azure.Data.Tables;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nethereum.Web3;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Events;
using PowerVerse.Chain.Rpc;
using PowerVerse.Functions.Hosting;
using PowerVerse.Functions.Indexer.Projections;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.Indexer;

/// <summary>
/// The chain (Nethereum over the resilient RPC client, the deployment manifest), the indexer over it, and the projection
/// that turns the contracts' events into the read model (which <c>AddReadModel</c> registers).
/// </summary>
public static class IndexerRegistration
{
    public const string JournalTable = "chainEvents";
    public const string ProgressTable = "chainIndexer";

    public static IServiceCollection AddChainIndexer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var chain = configuration.GetSection("Chain").Get<ChainSettings>() ?? new ChainSettings();
        services.AddSingleton(chain);
        services.AddSingleton(configuration.GetSection("Indexer").Get<IndexerOptions>() ?? new IndexerOptions());
        services.AddSingleton<IWeb3>(_ => new Web3(ChainRpc.CreateClient(chain.RpcUrl ?? throw NotConfigured(ChainSettings.RpcUrlSetting))));
        services.AddSingleton(_ => DeploymentManifest.Load(ManifestPath(chain.Manifest ?? throw NotConfigured(ChainSettings.ManifestSetting))));
        services.AddSingleton(EventRegistry.Contracts);
        services.AddSingleton(s => new EventJournal(Tables(s).GetTableClient(JournalTable)));
        services.AddSingleton(s => new IndexerProgress(Tables(s).GetTableClient(ProgressTable), s.GetRequiredService<IWeb3>(), s.GetRequiredService<IndexerOptions>()));
        services.AddSingleton<IEventProjection>(s => new ReadModelProjection(
            s.GetRequiredService<IWeb3>(), s.GetRequiredService<DeploymentManifest>(), s.GetRequiredService<EventRegistry>(),
            s.GetRequiredService<ReadModelWriter>(), s.GetRequiredService<ReadModelTables>(), s.GetRequiredService<ILogger<ReadModelProjection>>()));
        // What the monthly dividend counts, marked as the events arrive.
        services.AddSingleton(s => new DividendActivity(Tables(s)));
        services.AddSingleton<IEventProjection>(s => new DividendActivityProjection(
            s.GetRequiredService<IWeb3>(), s.GetRequiredService<DeploymentManifest>(), s.GetRequiredService<EventRegistry>(), s.GetRequiredService<DividendActivity>()));
        services.AddSingleton(s => new ChainIndexer(
            s.GetRequiredService<IWeb3>(), s.GetRequiredService<DeploymentManifest>(), s.GetRequiredService<EventRegistry>(),
            s.GetRequiredService<EventJournal>(), s.GetRequiredService<IndexerProgress>(), s.GetServices<IEventProjection>(),
            s.GetRequiredService<IndexerOptions>(), s.GetRequiredService<ILogger<ChainIndexer>>()));
        return services;
    }

    /// <summary>
    /// The manifest's file: a relative <c>Chain:Manifest</c> (in Azure <c>deployments/&lt;chainId&gt;.json</c>, which the
    /// package carries) is read from the app's base directory, not from whatever the working directory is; an absolute
    /// path stays as it is.
    /// </summary>
    public static string ManifestPath(string manifest) => Path.GetFullPath(manifest, AppContext.BaseDirectory);

    // The journal and the cursor live beside the read model they feed.
    private static TableServiceClient Tables(IServiceProvider services) =>
        services.GetRequiredService<IAzureClientFactory<TableServiceClient>>().CreateClient(ReadModelRegistration.ConnectionName);

    private static InvalidOperationException NotConfigured(string setting) =>
        new($"'{setting}' is not set: the app needs the chain's RPC endpoint and deployment manifest.");
}
