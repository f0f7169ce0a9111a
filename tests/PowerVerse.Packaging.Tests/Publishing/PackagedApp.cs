using System.Security.Cryptography;
using System.Text.Json;
using PowerVerse.Client.Accounts;
using PowerVerse.Testing;

namespace PowerVerse.Packaging.Tests.Publishing;

/// <summary>
/// The Functions app as <c>azd deploy</c> ships it: the suite deployed to a fresh Hardhat node by the project's own
/// script into a manifests folder of the test's own, then <c>dotnet publish</c> of the app with PV_DEPLOYMENTS_DIR
/// naming that folder (as the postprovision hook leaves it), a real Azurite, and — when a test first asks — the local
/// host serving the package (<see cref="ServeAsync"/>).
/// </summary>
public sealed class PackagedApp : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pv-package-").FullName;
    private HardhatNode? _node;
    private AzuriteServer? _storage;
    private Task<ChildProcess>? _host;

    public HardhatNode Node => _node ?? throw NotStarted();

    public AzuriteServer Storage => _storage ?? throw NotStarted();

    /// <summary>The manifests folder the deploy script wrote to.</summary>
    public string Deployments => Path.Combine(_folder, "deployments");

    /// <summary>The published package.</summary>
    public string Package => Path.Combine(_folder, "package");

    /// <summary>The local stand-in for Key Vault (<c>Platform__KeysFile</c>): Hardhat #1 relayer, #2 challenger, #3 settler.</summary>
    public string KeysFile => Path.Combine(_folder, "platform-keys.json");

    public async Task InitializeAsync()
    {
        var node = HardhatNode.StartAsync();
        var storage = AzuriteServer.StartAsync();
        (_node, _storage) = (await node, await storage);
        await SuiteDeployment.DeployAsync(_node.RpcUrl, Deployments);
        await PublishAsync();
        await File.WriteAllTextAsync(KeysFile, JsonSerializer.Serialize(new
        {
            relayer = HardhatAccounts.PrivateKey(1),
            challenger = HardhatAccounts.PrivateKey(2),
            settler = HardhatAccounts.PrivateKey(3),
        }));
    }

    /// <summary>
    /// The local host serving the package (started once, on first call) with the settings Azure gives the app — the
    /// names Bicep sets — where only what cannot run here is replaced: the identity-shaped storage connections by
    /// Azurite connection strings, Key Vault by <c>Platform__KeysFile</c> and plain values for its references.
    /// </summary>
    public Task<ChildProcess> ServeAsync() => _host ??= StartHostAsync();

    public async Task DisposeAsync()
    {
        if (_host is { IsCompletedSuccessfully: true })
        {
            await (await _host).DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private async Task PublishAsync()
    {
        var project = Path.Combine(RepoPaths.Root, "functions", "PowerVerse.Functions", "PowerVerse.Functions.csproj");
        await using var publish = ChildProcess.Start(Dotnet.Path,
            // The test run built the app (this project references it): publish that build rather than rebuild it under
            // test projects running side by side.
            ["publish", project, "-c", RepoPaths.Configuration, "-o", Package, "--no-build", "--nologo"],
            RepoPaths.Root,
            new Dictionary<string, string> { ["PV_DEPLOYMENTS_DIR"] = Deployments });
        var exit = await publish.WaitForExitAsync(TimeSpan.FromMinutes(8));
        if (exit != 0)
        {
            throw new InvalidOperationException($"dotnet publish exited with {exit}:\n{publish.Output}");
        }
    }

    private async Task<ChildProcess> StartHostAsync()
    {
        // The indexer keeps its default confirmation depth (2, as in Azure): two more blocks put the seeding under it.
        var clock = new ChainClock(Node.RpcUrl);
        await clock.AdvanceAsync(1);
        await clock.AdvanceAsync(1);

        var storage = Storage.ConnectionString;
        var settings = new Dictionary<string, string>
        {
            // AzureWebJobsStorage__blobServiceUri|queueServiceUri|tableServiceUri|credential|clientId in Azure.
            ["AzureWebJobsStorage"] = storage,
            // ReadModel__tableServiceUri|queueServiceUri|credential|clientId in Azure.
            ["ReadModel"] = storage,
            // AgentQueues__queueServiceUri|credential|clientId in Azure (the agent-queue account).
            ["AgentQueues"] = storage,
            // Key Vault references in Azure.
            ["Chain__RpcUrl"] = Node.RpcUrl.ToString(),
            ["ReadModel__ContinuationKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // As Bicep sets it: relative to the app's base directory, the package.
            ["Chain__Manifest"] = "deployments/31337.json",
            // Platform__KeyVaultUri and Platform__ManagedIdentityClientId in Azure.
            ["Platform__KeysFile"] = KeysFile,
            // The local host's own: the package to serve, loopback on a port the OS picks.
            ["LocalHost__AppPath"] = Package,
            ["LocalHost__Urls"] = "http://127.0.0.1:0",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        var localHost = RepoPaths.BuildOutput(Path.Combine("functions", "PowerVerse.LocalHost"), "PowerVerse.LocalHost.dll");
        // Started from the repository root: nothing may be read relative to the working directory.
        var host = ChildProcess.Start(Dotnet.Path, [localHost], RepoPaths.Root, settings);
        try
        {
            await host.WaitForListeningAsync(TimeSpan.FromMinutes(2));
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private static InvalidOperationException NotStarted() => new("The packaged app is not set up yet.");
}
