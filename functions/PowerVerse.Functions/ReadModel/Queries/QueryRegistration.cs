using Microsoft.Extensions.DependencyInjection;

namespace PowerVerse.Functions.ReadModel.Queries;

/// <summary>The query classes the HTTP functions delegate to (their constructors are internal: built here).</summary>
internal static class QueryRegistration
{
    public static IServiceCollection AddReadModelQueries(this IServiceCollection services)
    {
        services.AddSingleton(s => new DaoQueries(s.GetRequiredService<ReadModelTables>()));
        services.AddSingleton(s => new AssetQueries(s.GetRequiredService<ReadModelTables>(), s.GetRequiredService<TimeProvider>()));
        services.AddSingleton(s => new MarketQueries(s.GetRequiredService<ReadModelTables>()));
        services.AddSingleton(s => new OrderQueries(s.GetRequiredService<ReadModelTables>()));
        services.AddSingleton(s => new ProofQueries(s.GetRequiredService<ReadModelTables>()));
        // The chain's client and manifest are AddChainIndexer's.
        services.AddSingleton(s => new ChainQueries(s.GetRequiredService<Nethereum.Web3.IWeb3>(), s.GetRequiredService<Chain.Deployment.DeploymentManifest>()));
        return services;
    }
}
