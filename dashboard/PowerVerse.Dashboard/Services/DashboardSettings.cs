using Microsoft.Extensions.Configuration;

namespace PowerVerse.Dashboard.Services;

/// <summary>
/// Where the dashboard finds the API (<c>Api</c> in the served <c>appsettings.json</c>; default: <c>/api</c> on its own
/// origin) and, on the local stack only, the chain's JSON-RPC whose unlocked test accounts it may sign with
/// (<c>LocalChain:RpcUrl</c>).
/// </summary>
public sealed record DashboardSettings(Uri Api, Uri? LocalRpc)
{
    /// <summary>Adds the served <c>appsettings.json</c> to <paramref name="configuration"/>; none (404) leaves the defaults.</summary>
    public static async Task AddServedAsync(IConfigurationBuilder configuration, string baseAddress)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
        using var response = await http.GetAsync(new Uri("appsettings.json", UriKind.Relative));
        if (response.IsSuccessStatusCode)
        {
            configuration.AddJsonStream(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        }
    }

    public static DashboardSettings From(IConfiguration configuration, string baseAddress)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var api = configuration["Api"] is { Length: > 0 } configured ? new Uri(configured) : new Uri(new Uri(baseAddress), "api");
        // Routes are appended to the base ("market/usage-rights"), so it must end with a slash.
        api = api.AbsoluteUri.EndsWith('/') ? api : new Uri(api.AbsoluteUri + "/");
        var rpc = configuration["LocalChain:RpcUrl"] is { Length: > 0 } local ? new Uri(local) : null;
        return new DashboardSettings(api, rpc);
    }
}
