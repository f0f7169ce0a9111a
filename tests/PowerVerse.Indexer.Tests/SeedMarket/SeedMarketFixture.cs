using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PowerVerse.Chain.Deployment;
using PowerVerse.Functions.Indexer;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Testing;

namespace PowerVerse.Indexer.Tests.SeedMarket;

/// <summary>
/// Once for the seed-market tests: a fresh Hardhat node with the real suite deployed by its own script, seed 000's
/// actions sent on it, and the indexer — registered as the app registers it (<c>AddReadModel</c>,
/// <c>AddChainIndexer</c>) — run over it into a read model on an Azurite of its own (the read model's table names are
/// fixed, so no other test may share its storage).
/// </summary>
public sealed class SeedMarketFixture : IAsyncLifetime
{
    private readonly string _deployments = Directory.CreateTempSubdirectory("pv-indexer-").FullName;
    private HardhatNode? _node;
    private AzuriteServer? _storage;

    internal SeedAccounts Accounts { get; private set; } = null!;

    internal SeedScenario Scenario { get; private set; } = null!;

    internal ChainViews Chain { get; private set; } = null!;

    internal DeploymentManifest Manifest { get; private set; } = null!;

    public ServiceProvider Services { get; private set; } = null!;

    public string StorageConnectionString => _storage!.ConnectionString;

    public async Task InitializeAsync()
    {
        var node = HardhatNode.StartAsync();
        var storage = AzuriteServer.StartAsync();
        (_node, _storage) = (await node, await storage);
        var manifestPath = await SuiteDeployment.DeployAsync(_node.RpcUrl, _deployments);
        var manifest = DeploymentManifest.Load(manifestPath);
        Manifest = manifest;
        Accounts = new SeedAccounts(_node.RpcUrl, manifest);
        Chain = new ChainViews(_node.RpcUrl, Accounts);
        var clock = new ChainClock(_node.RpcUrl);
        Scenario = new SeedScenario(Accounts, clock);
        await Scenario.RunAsync();

        // Read-time expiry is judged against the chain's clock, which the scenario moved hours ahead.
        Services = BuildServices(manifestPath, new FixedTime(await clock.NowAsync()));
        await WriteDividendLeafAsync();
        await Services.GetRequiredService<ChainIndexer>().RunOnceAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await _storage!.DisposeAsync();
        await _node!.DisposeAsync();
        Directory.Delete(_deployments, recursive: true);
    }

    private ServiceProvider BuildServices(string manifestPath, TimeProvider time)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReadModel"] = _storage!.ConnectionString,
            ["Chain:RpcUrl"] = _node!.RpcUrl.ToString(),
            ["Chain:Manifest"] = manifestPath,
            ["Indexer:Confirmations"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddReadModel(configuration);
        services.AddChainIndexer(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>What the dividend orchestration writes when it posts an epoch: the buyer's leaf with its (empty) proof.</summary>
    private async Task WriteDividendLeafAsync()
    {
        var table = new TableClient(_storage!.ConnectionString, "rmDividends");
        await table.CreateIfNotExistsAsync();
        var account = Accounts.Buyer.Address;
        await table.UpsertEntityAsync(new TableEntity(Scenario.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture), account.ToLowerInvariant())
        {
            ["Epoch"] = Scenario.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Account"] = account,
            ["Amount"] = Scenario.Dividend.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Proof"] = "[]",
            ["Claimed"] = false,
            ["Block"] = 0L,
            ["TxHash"] = string.Empty,
            ["LogIndex"] = 0,
        });
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
