using System.Globalization;
using System.Net;
using System.Text.Json;
using PowerVerse.Chain.Deployment;
using PowerVerse.Indexer.Tests.SeedMarket;
using PowerVerse.Testing;

namespace PowerVerse.Indexer.Tests.Ranks;

/// <summary>
/// Once for the rank tests: a fresh Hardhat node with the real suite, <see cref="RankScenario"/> played on it, and the
/// real local host process (functions/PowerVerse.LocalHost's build output) on its own Azurite, whose indexer timer
/// follows the chain into the read model that its HTTP API serves. Ready when <c>/api/ranks/{vid}</c> shows every proof.
/// </summary>
public sealed class RankChainFixture : IAsyncLifetime
{
    private readonly string _deployments = Directory.CreateTempSubdirectory("pv-ranks-").FullName;
    private HardhatNode? _node;
    private AzuriteServer? _storage;
    private ChildProcess? _host;

    internal SeedAccounts Accounts { get; private set; } = null!;

    internal ChainViews Chain { get; private set; } = null!;

    internal RankScenario Scenario { get; private set; } = null!;

    public Uri RpcUrl => _node!.RpcUrl;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        var node = HardhatNode.StartAsync();
        var storage = AzuriteServer.StartAsync();
        (_node, _storage) = (await node, await storage);
        var manifestPath = await SuiteDeployment.DeployAsync(_node.RpcUrl, _deployments);
        Accounts = new SeedAccounts(_node.RpcUrl, DeploymentManifest.Load(manifestPath));
        Chain = new ChainViews(_node.RpcUrl, Accounts);
        Scenario = new RankScenario(Accounts, Chain, new ChainClock(_node.RpcUrl));
        await Scenario.RunAsync();

        _host = ChildProcess.Start("dotnet", [RepoPaths.BuildOutput(Path.Combine("functions", "PowerVerse.LocalHost"), "PowerVerse.LocalHost.dll")], environment: new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = _storage.ConnectionString,
            ["ReadModel"] = _storage.ConnectionString,
            ["LocalHost__Urls"] = "http://127.0.0.1:0",
            ["Chain__RpcUrl"] = _node.RpcUrl.ToString(),
            ["Chain__Manifest"] = manifestPath,
            ["Indexer__Confirmations"] = "0",
        });
        Http.BaseAddress = new Uri(await _host.WaitForListeningAsync(TimeSpan.FromSeconds(90)), "/");
        await UntilRankedAsync();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        try
        {
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
        }
        finally
        {
            await _storage!.DisposeAsync();
            await _node!.DisposeAsync();
            Directory.Delete(_deployments, recursive: true);
        }
    }

    /// <summary>GET a path of the host's API; it must answer 200 with JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"GET {path}: {(int)response.StatusCode} {body}", null, response.StatusCode);
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Until the indexer has ranked the VID from all of its proofs.</summary>
    private async Task UntilRankedAsync()
    {
        var path = $"api/ranks/{Scenario.Vid.ToString(CultureInfo.InvariantCulture)}";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var rank = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("rank");
                if (rank.GetProperty("verified").GetInt32() + rank.GetProperty("missed").GetInt32() == Scenario.Proofs.Count)
                {
                    return;
                }
            }

            if (DateTime.UtcNow > deadline || _host!.HasExited)
            {
                throw new TimeoutException($"{path} did not show {Scenario.Proofs.Count} proofs within 120 s (last: {(int)response.StatusCode}).\n{_host!.Output}");
            }

            await Task.Delay(250);
        }
    }
}
