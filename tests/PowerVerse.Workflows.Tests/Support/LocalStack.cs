using System.Text.Json;
using Nethereum.Web3;
using PowerVerse.Chain.Deployment;
using PowerVerse.Client.Accounts;
using PowerVerse.Client.Api;
using PowerVerse.Client.Writes;
using PowerVerse.Testing;

namespace PowerVerse.Workflows.Tests.Support;

/// <summary>
/// The local stack as <c>./pv up</c> runs it, on ports of its own: a real Hardhat node with the suite deployed by its
/// own script, a real Azurite, a platform keys file (Hardhat #1 relayer, #2 challenger, #3 settler), a real gpu-agent
/// polling on the CPU backend, and the Functions app on one local host process (more on demand, on the same
/// storage: they share the task hub). Everything is stopped after.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The local stack of ./pv up, not a Stack<T>.")]
public class LocalStack : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pv-workflows-").FullName;
    private readonly List<LocalHostProcess> _hosts = [];
    private readonly List<HttpClient> _clients = [];
    private HardhatNode? _node;
    private AzuriteServer? _storage;
    private GpuAgentProcess? _agent;

    public HardhatNode Node => _node ?? throw NotStarted();

    public AzuriteServer Storage => _storage ?? throw NotStarted();

    public string ManifestPath => Path.Combine(_folder, "deployments", "31337.json");

    public DeploymentManifest Manifest { get; private set; } = null!;

    /// <summary>The platform keys file the hosts read (<c>Platform:KeysFile</c>).</summary>
    public string KeysFile => Path.Combine(_folder, "platform-keys.json");

    public GpuAgentProcess Agent => _agent ?? throw NotStarted();

    /// <summary>A read-only client of the node (views, the clock's block).</summary>
    public IWeb3 Web3 { get; private set; } = null!;

    public ChainClock Clock { get; private set; } = null!;

    /// <summary>The first local host.</summary>
    public LocalHostProcess Host => _hosts.Count > 0 ? _hosts[0] : throw NotStarted();

    public IReadOnlyList<LocalHostProcess> Hosts => _hosts;

    /// <summary>The API of the first local host.</summary>
    public PowerVerseApi Api => ApiOf(Host);

    /// <summary>Settings every local host gets (the spec's test settings); <see cref="StartHostAsync"/> adds to them.</summary>
    public IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string>
    {
        ["AzureWebJobsStorage"] = Storage.ConnectionString,
        ["Chain__RpcUrl"] = Node.RpcUrl.ToString(),
        ["Chain__Manifest"] = ManifestPath,
        ["Platform__KeysFile"] = KeysFile,
        ["Indexer__Confirmations"] = "0",
        ["LocalHost__LeaseInterval"] = "00:00:06",
        ["LocalHost__OrchestrationPollingInterval"] = "00:00:01",
        // Quiet chains: the platform challenges only where a test asks it to (a purchase's first proof, a cadence host);
        // tests move the chain's clock, so proofs look at it every 2 s.
        ["Proofs__Cadence"] = "0",
        ["Proofs__DeadlinePollInterval"] = "00:00:02",
    };

    /// <summary>How many local hosts start with the stack.</summary>
    protected virtual int InitialHosts => 1;

    public virtual async Task InitializeAsync()
    {
        var node = HardhatNode.StartAsync();
        var storage = AzuriteServer.StartAsync();
        var agent = GpuAgentProcess.InitAsync(Path.Combine(_folder, "agent"));
        (_node, _storage, _agent) = (await node, await storage, await agent);
        await SuiteDeployment.DeployAsync(_node.RpcUrl, Path.Combine(_folder, "deployments"));
        Manifest = DeploymentManifest.Load(ManifestPath);
        Web3 = new Web3(_node.RpcUrl.ToString());
        Clock = new ChainClock(_node.RpcUrl);
        await WriteKeysFileAsync();
        await _agent.RunAsync(_storage.ConnectionString, Manifest["ProofOfCompute"]);
        for (var i = 0; i < InitialHosts; i++)
        {
            await StartHostAsync();
        }
    }

    /// <summary>Another local host on the same storage, chain and keys, with extra settings (e.g. <c>LocalHost__KillAt</c>).</summary>
    public async Task<LocalHostProcess> StartHostAsync(IReadOnlyDictionary<string, string>? environment = null, int? port = null)
    {
        var settings = new Dictionary<string, string>(HostSettings);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            settings[name] = value;
        }

        var host = await LocalHostProcess.StartAsync(settings, port);
        _hosts.Add(host);
        return host;
    }

    /// <summary>Kills <paramref name="host"/> (SIGKILL) and starts it again on its port with its settings (or new ones).</summary>
    public async Task<LocalHostProcess> RestartHostAsync(LocalHostProcess host, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        await host.KillAsync();
        var index = _hosts.IndexOf(host);
        var restarted = await LocalHostProcess.StartAsync(environment ?? host.Environment, host.Port);
        _hosts[index] = restarted;
        await host.DisposeAsync();
        return restarted;
    }

    /// <summary>Stops a host (SIGKILL) and forgets it.</summary>
    public async Task StopHostAsync(LocalHostProcess host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _hosts.Remove(host);
        await host.DisposeAsync();
    }

    public PowerVerseApi ApiOf(LocalHostProcess host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var http = new HttpClient { BaseAddress = host.ApiUrl, Timeout = TimeSpan.FromSeconds(30) };
        _clients.Add(http);
        return new PowerVerseApi(http) { PollInterval = TimeSpan.FromMilliseconds(200) };
    }

    /// <summary>Hardhat account <paramref name="account"/>'s writes, deadlines counted from the chain's clock.</summary>
    public WriteSigner Signer(int account) => new(HardhatAccounts.Key(account), Manifest, Web3);

    /// <summary>The tail of every host's log (without the request pipeline's entries, which the API's polling repeats) and the agent's, for a failure message.</summary>
    public string Logs(int tail = 6000) =>
        string.Join("\n", _hosts.Select((h, i) => $"--- local host {i} (port {h.Port}) ---\n{Tail(WithoutHttp(h.Output), tail)}"))
        + $"\n--- gpu-agent ---\n{Tail(_agent?.Output ?? string.Empty, tail / 2)}";

    /// <summary>A host's log without ASP.NET Core's entries (an entry is its first line and the indented lines after it).</summary>
    private static string WithoutHttp(string log)
    {
        var kept = new System.Text.StringBuilder();
        var skipping = false;
        foreach (var line in log.Split('\n'))
        {
            if (!line.StartsWith(' '))
            {
                skipping = line.Contains("Microsoft.AspNetCore", StringComparison.Ordinal);
            }

            if (!skipping)
            {
                kept.Append(line).Append('\n');
            }
        }

        return kept.ToString();
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        // Each part goes whatever happened to the others, or it outlives the test run.
        foreach (var host in _hosts)
        {
            await Quietly(host.DisposeAsync);
        }

        await Quietly(() => _agent?.DisposeAsync() ?? ValueTask.CompletedTask);
        await Quietly(() => _storage?.DisposeAsync() ?? ValueTask.CompletedTask);
        await Quietly(() => _node?.DisposeAsync() ?? ValueTask.CompletedTask);
        Directory.Delete(_folder, recursive: true);
    }

    private async Task WriteKeysFileAsync()
    {
        await File.WriteAllTextAsync(KeysFile, JsonSerializer.Serialize(new
        {
            relayer = HardhatAccounts.PrivateKey(1),
            challenger = HardhatAccounts.PrivateKey(2),
            settler = HardhatAccounts.PrivateKey(3),
        }));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeysFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static string Tail(string text, int length) => text.Length <= length ? text : "…" + text[^length..];

    private static async Task Quietly(Func<ValueTask> dispose)
    {
        try
        {
            await dispose();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            // Already gone.
        }
    }

    private static InvalidOperationException NotStarted() => new("The local stack is not started.");
}
