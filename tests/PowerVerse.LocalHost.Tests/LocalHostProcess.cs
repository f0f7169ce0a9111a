using System.Globalization;
using PowerVerse.Testing;

using PowerVerse.Functions.Hosting;

namespace PowerVerse.LocalHost.Tests;

/// <summary>The test app run by the local host in its own process on Azurite, as a test starts, kills and restarts it.</summary>
internal sealed class LocalHostProcess : IAsyncDisposable
{
    /// <summary>The exit status of a process ended by signal 9 (128 + 9); a clean exit, a crash or FailFast end otherwise.</summary>
    public const int KilledBySigkill = 137;

    private readonly ChildProcess _process;

    private LocalHostProcess(ChildProcess process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>
    /// On a port the OS picks as the host binds it, or on <paramref name="port"/> to restart in place; with
    /// <paramref name="killAt"/> (<c>LocalHost:KillAt</c>) it kills itself at that activity boundary; <paramref name="settings"/>
    /// adds or overrides environment variables.
    /// </summary>
    public static async Task<LocalHostProcess> StartAsync(
        AzuriteServer storage, int? port = null, string? killAt = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var listen = port ?? 0;
        var app = RepoPaths.BuildOutput(Path.Combine("tests", "PowerVerse.LocalHost.TestApp"), "PowerVerse.LocalHost.TestApp.dll");
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["LocalHost__Urls"] = $"http://127.0.0.1:{listen.ToString(CultureInfo.InvariantCulture)}",
            // A killed process leaves its partition leases: the restarted one takes them over after this.
            ["LocalHost__LeaseInterval"] = "00:00:06",
            ["LocalHost__MessageVisibilityTimeout"] = "00:00:10",
            ["LocalHost__OrchestrationPollingInterval"] = "00:00:01",
            // A failed message is retried at once (host.json waits between tries), the way the Functions host takes overrides.
            ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:00",
        };
        if (killAt is not null)
        {
            environment["LocalHost__KillAt"] = killAt;
        }

        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var process = ChildProcess.Start("dotnet", [app], environment: environment);
        var url = new Uri($"http://127.0.0.1:{listen.ToString(CultureInfo.InvariantCulture)}/");
        try
        {
            url = new Uri(await process.WaitForListeningAsync(TimeSpan.FromSeconds(60)), "/");
        }
        catch (TimeoutException) when (killAt is not null && process.HasExited)
        {
            // Work was waiting for it and it reached its kill point before it listened: killed as asked, not a failed
            // start (a second process would run the orchestration on past the point).
            if (await process.WaitForExitAsync(TimeSpan.FromSeconds(10)) != KilledBySigkill)
            {
                await process.DisposeAsync();
                throw;
            }
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new LocalHostProcess(process, url);
    }

    public string Output => _process.Output;

    /// <summary>Waits for a line of output containing <paramref name="text"/>.</summary>
    public Task<string> WaitForLineAsync(string text, TimeSpan timeout) => _process.WaitForLineAsync(text, timeout);

    /// <summary>The last few thousand characters of <see cref="Output"/>, for a failure's message.</summary>
    public string OutputTail
    {
        get
        {
            var output = Output;
            return output[Math.Max(0, output.Length - 4000)..];
        }
    }

    /// <summary>Waits for the process to exit by itself; its exit status (128 + the signal, when a signal ended it).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            return await _process.WaitForExitAsync(timeout);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The local host did not exit within {timeout}. Its last output:\n{OutputTail}");
        }
    }

    /// <summary>SIGKILL: nothing of the process's shutdown runs.</summary>
    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
