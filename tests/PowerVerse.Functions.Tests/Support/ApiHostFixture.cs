using PowerVerse.Testing;

namespace PowerVerse.Functions.Tests.Support;

/// <summary>
/// The real local host (functions/PowerVerse.LocalHost's build output) as a child process on loopback, on the
/// fixture's own Azurite; the read model is seeded through the writer before the routes are read.
/// </summary>
public class ApiHostFixture : StoreFixture
{
    private ChildProcess? _host;

    public Uri Url { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Output => _host?.Output ?? string.Empty;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["ReadModel"] = Azurite.ConnectionString,
            ["LocalHost__Urls"] = "http://127.0.0.1:0",
            ["LocalHost__OrchestrationPollingInterval"] = "00:00:01",
        };
        foreach (var (name, value) in await HostSettingsAsync())
        {
            environment[name] = value;
        }

        (_host, Url) = await StartHostAsync(environment);
        await SeedAsync();
    }

    /// <summary>The real local host with these settings (environment variables), and the URL it listens on.</summary>
    public static async Task<(ChildProcess Host, Uri Url)> StartHostAsync(IReadOnlyDictionary<string, string> environment)
    {
        var app = RepoPaths.BuildOutput(Path.Combine("functions", "PowerVerse.LocalHost"), "PowerVerse.LocalHost.dll");
        var host = ChildProcess.Start("dotnet", [app], environment: environment);
        try
        {
            return (host, new Uri(await host.WaitForListeningAsync(TimeSpan.FromSeconds(90)), "/"));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public override async Task DisposeAsync()
    {
        Http.Dispose();
        try
        {
            if (_host is not null)
            {
                await _host.DisposeAsync();
            }
        }
        finally
        {
            // Azurite goes whatever happened to the host, or it outlives the test run.
            await base.DisposeAsync();
        }
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => Http.GetAsync(new Uri(Url, pathAndQuery));

    protected virtual Task SeedAsync() => Task.CompletedTask;

    /// <summary>More settings for the host (a chain to read), known once the fixture's storage is up.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> HostSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
}
