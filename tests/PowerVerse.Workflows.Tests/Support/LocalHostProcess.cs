using System.Globalization;
using PowerVerse.Testing;

namespace PowerVerse.Workflows.Tests.Support;

/// <summary>
/// The Functions app on its local host (functions/PowerVerse.LocalHost's build output) in a process of its own: the API
/// on a loopback port, the indexer, the queue triggers and the Durable worker, on the stack's storage and chain.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private LocalHostProcess(ChildProcess process, int port, IReadOnlyDictionary<string, string> environment)
    {
        _process = process;
        Port = port;
        Environment = environment;
    }

    public int Port { get; }

    /// <summary>The API's base: <c>http://127.0.0.1:PORT/api/</c>.</summary>
    public Uri ApiUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/api/");

    /// <summary>The settings it was started with.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Everything it wrote to stdout and stderr.</summary>
    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts it on <paramref name="port"/>, or on one the OS picks as the host binds it.</summary>
    public static async Task<LocalHostProcess> StartAsync(IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var settings = new Dictionary<string, string>(environment)
        {
            ["LocalHost__Urls"] = $"http://127.0.0.1:{(port ?? 0).ToString(CultureInfo.InvariantCulture)}",
            // The line that says where it listens, whatever level the rest of its log is at.
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        var app = RepoPaths.BuildOutput(Path.Combine("functions", "PowerVerse.LocalHost"), "PowerVerse.LocalHost.dll");
        var process = ChildProcess.Start(Dotnet.Path, [app], environment: settings);
        try
        {
            var listening = await process.WaitForListeningAsync(TimeSpan.FromSeconds(120));
            return new LocalHostProcess(process, listening.Port, settings);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for a line of its log containing <paramref name="text"/> (one printed already counts) and returns it.</summary>
    public Task<string> WaitForLineAsync(string text, TimeSpan timeout) => _process.WaitForLineAsync(text, timeout);

    /// <summary>SIGKILL: nothing of its shutdown runs (Durable leases and task-hub messages stay behind).</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>Waits for it to exit by itself (a crash injected with <c>LocalHost__KillAt</c>).</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
