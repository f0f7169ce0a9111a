using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PowerVerse.LocalHost.Hosting.Dashboard;

/// <summary>
/// The dashboard's static site on its own loopback Kestrel endpoint beside the API (<c>LocalHost:DashboardPath</c> on
/// <c>LocalHost:DashboardUrls</c>), with the <c>appsettings.json</c> the dashboard reads: the API at this process's own
/// address, and the local chain's JSON-RPC when <c>LocalHost:DashboardLocalRpc</c> is set.
/// </summary>
internal sealed partial class DashboardServer(LocalHostOptions options, IServer api, CorsOrigins origins, ILogger<DashboardServer> log) : IHostedService, IAsyncDisposable
{
    public const string ListeningMessage = "Dashboard listening on: ";

    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.DashboardUrls);
        // This endpoint's own "Now listening on" would be taken for the API's: it says "Dashboard listening on" below.
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.None);
        _app = builder.Build();
        new DashboardFiles(new PhysicalFileProvider(Path.GetFullPath(options.DashboardPath!)), AppSettings).Use(_app);
        await _app.StartAsync(cancellationToken);
        var urls = _app.Urls.ToList();
        origins.Add(urls);
        foreach (var url in urls)
        {
            LogListening(url);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    // Blazor's wwwroot/appsettings.json: { "Api": "<this API>/api", "LocalChain": { "RpcUrl": "…" } }.
    private string AppSettings()
    {
        var apiUrl = api.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? options.Urls.Split(';')[0];
        var settings = new JsonObject { ["Api"] = apiUrl.TrimEnd('/') + "/" + HttpFunctionEndpoints.RoutePrefix };
        if (!string.IsNullOrWhiteSpace(options.DashboardLocalRpc))
        {
            settings["LocalChain"] = new JsonObject { ["RpcUrl"] = options.DashboardLocalRpc };
        }

        return settings.ToJsonString();
    }

    [LoggerMessage(LogLevel.Information, ListeningMessage + "{Url}")]
    private partial void LogListening(string url);
}
