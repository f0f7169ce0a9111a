using System.Globalization;

namespace PowerVerse.Testing;

/// <summary>A real Hardhat node (the local EVM) on a free loopback port, started for the tests and killed after them.</summary>
public sealed class HardhatNode : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private HardhatNode(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri RpcUrl => new($"http://127.0.0.1:{Port}");

    /// <summary>One node shared by every test of the process; killed when the process exits.</summary>
    public static Task<HardhatNode> Shared => SharedLazy.Value;

    private static readonly Lazy<Task<HardhatNode>> SharedLazy = new(() =>
    {
        var task = StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (task.IsCompletedSuccessfully)
            {
                task.Result.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        };
        return task;
    });

    public static Task<HardhatNode> StartAsync() => FreePort.RetryAsync(StartOnceAsync);

    private static async Task<HardhatNode> StartOnceAsync()
    {
        var port = FreePort.Next();
        var hardhat = Path.Combine(RepoPaths.Contracts, "node_modules", "hardhat", "dist", "src", "cli.js");
        var process = ChildProcess.Start(RepoPaths.Node,
            [hardhat, "node", "--hostname", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture)],
            RepoPaths.Contracts);
        var node = new HardhatNode(process, port);
        try
        {
            await process.WaitForStartedAsync($"JSON-RPC server at http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/", TimeSpan.FromSeconds(120));
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
