namespace PowerVerse.Testing;

/// <summary>
/// A real Azurite (Blob, Table and Queue services) on free loopback ports, in memory, started for the tests
/// and killed after them.
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key.</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ChildProcess _process;

    private AzuriteServer(ChildProcess process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");

    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    /// <summary>A connection string in the usual Azure form, pointing at this instance.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    /// <summary>One Azurite shared by every test of the process; killed when the process exits.</summary>
    public static Task<AzuriteServer> Shared => SharedLazy.Value;

    private static readonly Lazy<Task<AzuriteServer>> SharedLazy = new(() =>
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

    public static Task<AzuriteServer> StartAsync() => FreePort.RetryAsync(StartOnceAsync);

    private static async Task<AzuriteServer> StartOnceAsync()
    {
        var queuePort = FreePort.Next();
        var tablePort = FreePort.Next();
        var blobPort = FreePort.Next();
        var process = ChildProcess.Start(RepoPaths.Node,
        [
            RepoPaths.AzuriteScript,
            "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--skipApiVersionCheck", "--disableProductStyleUrl", "--silent",
        ]);
        var server = new AzuriteServer(process, blobPort, queuePort, tablePort);
        try
        {
            foreach (var (service, port) in new[] { ("Blob", blobPort), ("Queue", queuePort), ("Table", tablePort) })
            {
                await process.WaitForStartedAsync(
                    $"Azurite {service} service is successfully listening at http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                    TimeSpan.FromSeconds(60));
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
