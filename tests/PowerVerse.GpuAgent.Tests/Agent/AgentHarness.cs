using System.Globalization;
using System.Text.Json.Nodes;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.GpuAgent.Agent;
using PowerVerse.GpuAgent.Keys;
using PowerVerse.Storage.Queues;
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
        Key = EthereumKey.Generate();
        File.WriteAllText(KeystorePath, KeystoreV3.Encrypt(Key, Passphrase, new ScryptParameters(1024, 8, 1)));
        Challenges = new QueueClient(azurite.ConnectionString, AgentQueues.AgentQueueName(Key.Address));
        Results = new QueueClient(azurite.ConnectionString, AgentQueues.ResultsQueue);
        Events = new QueueClient(azurite.ConnectionString, AgentQueues.EventsQueue);
    }

    public AzuriteServer Azurite { get; }

    public EthereumKey Key { get; }

    public QueueClient Challenges { get; }

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
        await harness.Challenges.GetPoisonQueueClient().CreateIfNotExistsAsync();
        return harness;
    }

    public ChildProcess Start(int visibilitySeconds = 4, int threads = 2, bool sasOnly = false)
    {
        // The muxer running these tests, else the one the SDK names, else whatever "dotnet" is on PATH.
        var dotnet = Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var expires = DateTimeOffset.UtcNow.AddHours(1);
        string[] storage = sasOnly
            ?
            [
                "--queue-url", Challenges.GenerateSasUri(QueueSasPermissions.Read | QueueSasPermissions.Update | QueueSasPermissions.Process, expires).AbsoluteUri,
                "--results-url", Results.GenerateSasUri(QueueSasPermissions.Add, expires).AbsoluteUri,
                "--events-url", Events.GenerateSasUri(QueueSasPermissions.Add, expires).AbsoluteUri,
                "--poison-url", Challenges.GetPoisonQueueClient().GenerateSasUri(QueueSasPermissions.Add, expires).AbsoluteUri,
            ]
            : ["--storage", Azurite.ConnectionString];
        var process = ChildProcess.Start(dotnet,
        [
            Path.Combine(AppContext.BaseDirectory, "gpu-agent.dll"), "run",
            "--keystore", KeystorePath, "--passphrase", Passphrase, "--grants-file", GrantsPath, .. storage,
            "--chain-id", ChainId.ToString(CultureInfo.InvariantCulture), "--proof-contract", ProofContract,
            "--backend", "cpu", "--threads", threads.ToString(CultureInfo.InvariantCulture),
            "--visibility-seconds", visibilitySeconds.ToString(CultureInfo.InvariantCulture),
            "--min-idle-seconds", "0.1", "--max-idle-seconds", "0.5", "--heartbeat-seconds", "30", "--progress-seconds", "1",
        ]);
        _processes.Add(process);
        return process;
    }

    public static JsonObject Challenge(string challengeId, byte[] seed, int difficulty, int shares) => new()
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
        ["deadline"] = "2099-01-01T00:00:00Z",
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
                if (JsonNode.Parse(message.MessageText) is JsonObject json && match(json))
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

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
