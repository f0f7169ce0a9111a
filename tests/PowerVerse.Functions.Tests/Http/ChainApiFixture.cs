using PowerVerse.Chain.Deployment;
using PowerVerse.Functions.Tests.Support;
using PowerVerse.Testing;

namespace PowerVerse.Functions.Tests.Http;

/// <summary>The local host process on a Hardhat node of its own with the real suite deployed by the project's deploy script.</summary>
public sealed class ChainApiFixture : ApiHostFixture
{
    private readonly string _deployments = Directory.CreateTempSubdirectory("pv-chain-api-").FullName;

    private HardhatNode? _node;

    public HardhatNode Node => _node ?? throw new InvalidOperationException("Not started.");

    public string ManifestPath { get; private set; } = null!;

    internal DeploymentManifest Manifest { get; private set; } = null!;

    public override async Task DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            if (_node is not null)
            {
                await _node.DisposeAsync();
            }

            Directory.Delete(_deployments, recursive: true);
        }
    }

    protected override async Task<IReadOnlyDictionary<string, string>> HostSettingsAsync()
    {
        _node = await HardhatNode.StartAsync();
        ManifestPath = await SuiteDeployment.DeployAsync(Node.RpcUrl, _deployments);
        Manifest = DeploymentManifest.Load(ManifestPath);
        return ChainSettings(Node.RpcUrl);
    }

    /// <summary>The host's chain settings: this fixture's manifest, read through <paramref name="rpcUrl"/>.</summary>
    public Dictionary<string, string> ChainSettings(Uri rpcUrl) => new()
    {
        ["Chain__RpcUrl"] = rpcUrl.ToString(),
        ["Chain__Manifest"] = ManifestPath,
    };
}
