using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nethereum.Hex.HexConvertors.Extensions;
using PowerVerse.Testing;

namespace PowerVerse.Workflows.Tests.Support;

/// <summary>
/// The real gpu-agent (gpu-agent/PowerVerse.GpuAgent's build output) as a provider runs it: <c>init</c> makes its
/// keystore, <c>init --device --owner …</c> attests a device for a provider, <c>run --backend cpu</c> polls its queue
/// on the stack's storage, applies grants and answers grant-applied.
/// </summary>
public sealed partial class GpuAgentProcess : IAsyncDisposable
{
    public const string SshUser = "pv-test";
    public const int SshPort = 2222;
    private const long ChainId = 31337;

    private readonly string _folder;
    private readonly System.Text.StringBuilder _earlier = new();
    private ChildProcess? _run;
    private string[]? _runArguments;

    private GpuAgentProcess(string folder, string address)
    {
        _folder = folder;
        Address = address;
    }

    /// <summary>The agent's address (EIP-55), the HID's agent.</summary>
    public string Address { get; }

    /// <summary>What every <c>run</c> so far printed (a killed run's output stays).</summary>
    public string Output => _earlier + (_run?.Output ?? string.Empty);

    private string Keystore => Path.Combine(_folder, "keystore.json");

    private string PassphraseFile => Path.Combine(_folder, "pass");

    private static string Dll => RepoPaths.BuildOutput(Path.Combine("gpu-agent", "PowerVerse.GpuAgent"), "gpu-agent.dll");

    /// <summary>Creates the agent's key in a keystore under <paramref name="folder"/>.</summary>
    public static async Task<GpuAgentProcess> InitAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "pass"), "local test passphrase");
        var output = await RunToEndAsync(["init", "--keystore", Path.Combine(folder, "keystore.json"), "--passphrase-file", Path.Combine(folder, "pass"), "--scrypt-n", "1024"]);
        var address = AddressLine().Match(output) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"gpu-agent init printed no address:\n{output}");
        return new GpuAgentProcess(folder, address);
    }

    /// <summary>The agent's EIP-712 DeviceAttestation of device <paramref name="uuid"/> for <paramref name="owner"/> (its <c>init</c> payload).</summary>
    public async Task<DeviceAttestation> AttestAsync(string owner, string uuid, string hardwareRegistry)
    {
        var payloadFile = Path.Combine(_folder, $"attestation-{Guid.NewGuid():N}.json");
        await RunToEndAsync(["init", "--keystore", Keystore, "--passphrase-file", PassphraseFile, "--device", uuid, "--owner", owner,
            "--chain-id", ChainId.ToString(CultureInfo.InvariantCulture), "--hardware-registry", hardwareRegistry, "--payload-file", payloadFile]);
        using var payload = JsonDocument.Parse(await File.ReadAllTextAsync(payloadFile));
        var device = payload.RootElement.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("uuid").GetString() == uuid);
        return new DeviceAttestation(payload.RootElement.GetProperty("agent").GetString()!, uuid,
            device.GetProperty("deviceHash").GetString()!.HexToByteArray(), device.GetProperty("attestation").GetString()!.HexToByteArray(), payloadFile);
    }

    /// <summary>
    /// Starts <c>run</c> on the CPU backend and waits until it polls. Its challenge lease is 10 s (renewed every 5 s), so
    /// a challenge a killed agent held is visible again soon; it reports progress every half second while it solves.
    /// </summary>
    public Task RunAsync(string storage, string proofContract) => StartAsync(["--storage", storage], proofContract);

    /// <summary>
    /// Starts <c>run</c> on the CPU backend with one SAS URL per queue, as the platform hands them out (the queues must
    /// exist), and waits until it polls.
    /// </summary>
    public Task RunAsync(Uri queue, Uri results, Uri events, Uri poison, string proofContract) =>
        StartAsync(["--queue-url", queue.ToString(), "--results-url", results.ToString(), "--events-url", events.ToString(), "--poison-url", poison.ToString()], proofContract);

    /// <summary>
    /// Starts <c>run</c> on the CPU backend with <c>--api</c>: the agent gets its queue SAS from the platform for
    /// <paramref name="sasLifetime"/> and renews it, with heartbeats every <paramref name="heartbeatSeconds"/>.
    /// </summary>
    public Task RunAsync(Uri api, TimeSpan sasLifetime, string proofContract, int heartbeatSeconds = 30) =>
        StartAsync(["--api", api.ToString(), "--sas-lifetime", sasLifetime.ToString("c", CultureInfo.InvariantCulture)], proofContract, ["--heartbeat-seconds", heartbeatSeconds.ToString(CultureInfo.InvariantCulture)]);

    private async Task StartAsync(string[] queues, string proofContract, string[]? overrides = null)
    {
        _runArguments =
        [
            Dll, "run", "--keystore", Keystore, "--passphrase-file", PassphraseFile, .. queues,
            "--chain-id", ChainId.ToString(CultureInfo.InvariantCulture), "--proof-contract", proofContract,
            "--backend", "cpu", "--threads", "1", "--grants-file", Path.Combine(_folder, "grants.json"),
            "--min-idle-seconds", "0.2", "--max-idle-seconds", "1", "--heartbeat-seconds", "30",
            "--visibility-seconds", "10", "--progress-seconds", "0.5",
            "--ssh-host", "127.0.0.1", "--ssh-port", SshPort.ToString(CultureInfo.InvariantCulture), "--ssh-user", SshUser,
            .. overrides ?? [],
        ];
        await StartRunAsync();
    }

    /// <summary>SIGKILL, as a power cut: no shutdown runs, a challenge it held stays invisible until its lease lapses.</summary>
    public async Task KillAsync()
    {
        if (_run is { } run)
        {
            await run.KillAsync();
            _earlier.Append(run.Output).Append("--- killed ---\n");
            await run.DisposeAsync();
            _run = null;
        }
    }

    /// <summary>Kills the agent (SIGKILL) the moment it prints a line containing <paramref name="text"/>; returns that line.</summary>
    public async Task<string> KillAtLineAsync(string text, TimeSpan timeout)
    {
        var run = _run ?? throw new InvalidOperationException("The agent is not running.");
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string line)
        {
            if (line.Contains(text, StringComparison.Ordinal) && seen.TrySetResult(line))
            {
                // On the reading thread, at once: the solve it reports is still running.
                try
                {
                    Process.GetProcessById(run.Id).Kill(entireProcessTree: true);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    // Already gone.
                }
            }
        }

        run.LineReceived += OnLine;
        try
        {
            var line = await seen.Task.WaitAsync(timeout);
            await KillAsync();
            return line;
        }
        finally
        {
            run.LineReceived -= OnLine;
        }
    }

    /// <summary>Starts <c>run</c> again with the same settings (after <see cref="KillAsync"/>).</summary>
    public Task RestartAsync() => _run is null ? StartRunAsync() : throw new InvalidOperationException("The agent is still running.");

    public bool IsRunning => _run is { HasExited: false };

    public async ValueTask DisposeAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync();
        }
    }

    private async Task StartRunAsync()
    {
        _run = ChildProcess.Start(Dotnet.Path, _runArguments ?? throw new InvalidOperationException("The agent never ran."));
        await _run.WaitForLineAsync(" started ", TimeSpan.FromSeconds(60));
    }

    private static async Task<string> RunToEndAsync(string[] arguments)
    {
        await using var process = ChildProcess.Start(Dotnet.Path, [Dll, .. arguments]);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return exit == 0 ? process.Output : throw new InvalidOperationException($"gpu-agent {arguments[0]} exited with {exit}:\n{process.Output}");
    }

    [GeneratedRegex("agent address: *(0x[0-9a-fA-F]{40})")]
    private static partial Regex AddressLine();
}
