using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Storage;
using Azure.Storage.Queues;
using Azure.Storage.Sas;
using Nethereum.Signer;
using PowerVerse.GpuAgent.Agent;
using PowerVerse.GpuAgent.Keys;
using PowerVerse.GpuAgent.Signing;
using PowerVerse.Testing;

namespace PowerVerse.GpuAgent.Tests.Agent;

/// <summary>
/// One agent identity on the shared Azurite: a fresh key in a keystore under a temporary folder, its queues, and the
/// real gpu-agent started as a child process (<c>dotnet gpu-agent.dll run …</c>) as a provider would run it.
/// </summary>
internal sealed class AgentHarness : IAsyncDisposable
{
    public const string ProofContract = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    public const int ChainId = 31337;
    private const string Passphrase = "test passphrase";

    private readonly string _folder = Directory.CreateTempSubdirectory("gpu-agent-").FullName;
    private readonly List<ChildProcess> _processes = [];

    private AgentHarness(AzuriteServer azurite)
    {
        Azurite = azurite;
        var key = EthECKey.GenerateKey();
        Signer = new AgentSigner(key);
        File.WriteAllText(KeystorePath, AgentKeystore.Encrypt(key, Passphrase, scryptN: 1024));
        Challenges = Queue(AgentQueues.AgentQueueName(Signer.Address));
        Poison = Queue(Challenges.Name + AgentQueues.PoisonSuffix);
        Results = Queue(AgentQueues.ResultsQueue);
        Events = Queue(AgentQueues.EventsQueue);
    }

    public AzuriteServer Azurite { get; }

    /// <summary>The agent's identity (the harness signs nothing with it; it reads the address).</summary>
    public AgentSigner Signer { get; }

    /// <summary>Lowercase 0x address of the agent.</summary>
    public string Address => Signer.Address;

    public QueueClient Challenges { get; }

    public QueueClient Poison { get; }

    public QueueClient Results { get; }

    public QueueClient Events { get; }

    public string KeystorePath => Path.Combine(_folder, "keystore.json");

    public string GrantsPath => Path.Combine(_folder, "grants.json");

    public static async Task<AgentHarness> CreateAsync()
    {
        var harness = new AgentHarness(await AzuriteServer.Shared);
        await harness.Challenges.CreateIfNotExistsAsync();
        await harness.Results.CreateIfNotExistsAsync();
        await harness.Events.CreateIfNotExistsAsync();
        await harness.Poison.CreateIfNotExistsAsync();
        return harness;
    }

    public ChildProcess Start(int visibilitySeconds = 4, int threads = 2, bool sasOnly = false, string sshUser = "powerverse")
    {
        // The muxer running these tests, else the one the SDK names, else whatever "dotnet" is on PATH.
        var dotnet = Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var expires = DateTimeOffset.UtcNow.AddHours(1);
        string[] storage = sasOnly
            ?
            [
                "--queue-url", SasUrl(Challenges, QueueSasPermissions.Read | QueueSasPermissions.Update | QueueSasPermissions.Process, expires),
                "--results-url", SasUrl(Results, QueueSasPermissions.Add, expires),
                "--events-url", SasUrl(Events, QueueSasPermissions.Add, expires),
                "--poison-url", SasUrl(Poison, QueueSasPermissions.Add, expires),
            ]
            : ["--storage", Azurite.ConnectionString];
        var process = ChildProcess.Start(dotnet,
        [
            Path.Combine(AppContext.BaseDirectory, "gpu-agent.dll"), "run",
            "--keystore", KeystorePath, "--passphrase", Passphrase, "--grants-file", GrantsPath, .. storage,
            "--chain-id", ChainId.ToString(CultureInfo.InvariantCulture), "--proof-contract", ProofContract,
            "--backend", "cpu", "--threads", threads.ToString(CultureInfo.InvariantCulture),
            "--visibility-seconds", visibilitySeconds.ToString(CultureInfo.InvariantCulture),
            "--min-idle-seconds", "0.1", "--max-idle-seconds", "0.5", "--heartbeat-seconds", "30", "--progress-seconds", "1", "--ssh-user", sshUser,
        ]);
        _processes.Add(process);
        return process;
    }

    public static JsonObject Challenge(string challengeId, byte[] seed, int difficulty, int shares, string deadline = "2099-01-01T00:00:00Z") => new()
    {
        ["version"] = 1,
        ["type"] = "challenge",
        ["challengeId"] = challengeId,
        ["vid"] = "7",
        ["kind"] = "keccak-shares",
        ["seed"] = "0x" + Convert.ToHexStringLower(seed),
        ["difficulty"] = difficulty,
        ["shares"] = shares,
        ["issuedAt"] = "2026-01-01T00:00:00Z",
        ["deadline"] = deadline,
        ["chainId"] = ChainId,
        ["proofContract"] = ProofContract,
        ["someFutureField"] = "ignored",
    };

    /// <summary>Waits for a message on <paramref name="queue"/> that <paramref name="match"/> accepts, by peeking (others' messages stay).</summary>
    public static async Task<JsonObject> PeekForAsync(QueueClient queue, Func<JsonObject, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var message in (await queue.PeekMessagesAsync(32)).Value)
            {
                if (JsonNode.Parse(message.Body.ToString()) is JsonObject json && match(json))
                {
                    return json;
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No matching message on '{queue.Name}' within {timeout}.");
    }

    public static async Task SendSigtermAsync(ChildProcess process)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {process.Id} failed with {kill.ExitCode}.");
        }
    }

    /// <summary>Peeked message texts (up to 32).</summary>
    public static async Task<string[]> PeekTextsAsync(QueueClient queue) =>
        [.. (await queue.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString())];

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A client of one queue on Azurite, with the agent's message encoding (plain UTF-8, DESIGN §3).</summary>
    private QueueClient Queue(string name) => new(Azurite.ConnectionString, name, AgentQueues.ClientOptions);

    /// <summary>
    /// A service SAS for one queue, as the platform issues them (DESIGN §3), signed with Azurite's well-known account key:
    /// the agent gets the URL only, never the key.
    /// </summary>
    private static string SasUrl(QueueClient queue, QueueSasPermissions permissions, DateTimeOffset expires)
    {
        var sas = new QueueSasBuilder(permissions, expires) { QueueName = queue.Name }
            .ToSasQueryParameters(new StorageSharedKeyCredential(AzuriteServer.AccountName, AzuriteServer.AccountKey));
        return new UriBuilder(queue.Uri) { Query = sas.ToString() }.Uri.AbsoluteUri;
    }
}
