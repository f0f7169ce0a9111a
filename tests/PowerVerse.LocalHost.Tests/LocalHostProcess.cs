using System.Globalization;
using PowerVerse.Testing;

using PowerVerse.Functions.Hosting;

namespace PowerVerse.LocalHost.Tests;

/// <summary>The test app run by the local host in its own process on Azurite, as a test starts, kills and restarts it.</summary>
internal sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private LocalHostProcess(ChildProcess process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>On a fresh port (retried if another process takes it first), or on <paramref name="port"/> to restart in place.</summary>
    public static Task<LocalHostProcess> StartAsync(AzuriteServer storage, int? port = null) =>
        port is null ? FreePort.RetryAsync(() => StartOnceAsync(storage, null)) : StartOnceAsync(storage, port);

    private static async Task<LocalHostProcess> StartOnceAsync(AzuriteServer storage, int? port)
    {
        var listen = port ?? FreePort.Next();
        var app = RepoPaths.BuildOutput(Path.Combine("tests", "PowerVerse.LocalHost.TestApp"), "PowerVerse.LocalHost.TestApp.dll");
        var process = ChildProcess.Start("dotnet", [app], environment: new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["LocalHost__Urls"] = $"http://127.0.0.1:{listen.ToString(CultureInfo.InvariantCulture)}",
            // A killed process leaves its partition leases: the restarted one takes them over after this.
            ["LocalHost__LeaseInterval"] = "00:00:06",
            ["LocalHost__MessageVisibilityTimeout"] = "00:00:10",
            ["LocalHost__OrchestrationPollingInterval"] = "00:00:01",
            // A failed message is retried at once (host.json waits between tries), the way the Functions host takes overrides.
            ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:00",
        });
        try
        {
            await process.WaitForPortAsync(listen, TimeSpan.FromSeconds(60));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new LocalHostProcess(process, new Uri($"http://127.0.0.1:{listen.ToString(CultureInfo.InvariantCulture)}/"));
    }

    public string Output => _process.Output;

    /// <summary>SIGKILL: nothing of the process's shutdown runs.</summary>
    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
