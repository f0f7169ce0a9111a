using System.Net.Http.Json;
using System.Text.Json;
using PowerVerse.Testing;

namespace PowerVerse.LocalHost.Tests.Hosting;

/// <summary>The dashboard's settings as the local host checks them: loopback only, a folder with index.html, LocalChain only when asked.</summary>
public sealed class DashboardSettingsTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pv-dashboard-settings-").FullName;
    private AzuriteServer? _storage;

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_folder, "index.html"), DashboardFixture.Index);
        _storage = await AzuriteServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _storage!.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:7072")]
    [InlineData("http://127.0.0.1:0;http://192.168.1.10:7072")]
    [InlineData("http://localhost:0")]
    [InlineData("http://[::1]:0")]
    public async Task DashboardUrls_NotLoopback_RefusedBeforeListening(string urls)
    {
        var failed = await Assert.ThrowsAsync<TimeoutException>(() =>
            DashboardFixture.StartAsync(_storage!, _folder, new() { ["LocalHost__DashboardUrls"] = urls }));

        Assert.Contains("exited", failed.Message, StringComparison.Ordinal);
        Assert.Contains("LocalHost:DashboardUrls", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on: http", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardPath_NoIndexHtml_Refused()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;

        var failed = await Assert.ThrowsAsync<TimeoutException>(() => DashboardFixture.StartAsync(_storage!, empty));

        Assert.Contains("has no index.html", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppSettings_NoLocalRpc_ApiOnly()
    {
        await using var host = await DashboardFixture.StartAsync(_storage!, _folder);
        var url = await DashboardFixture.DashboardUrlAsync(host);
        using var http = new HttpClient();

        var settings = await http.GetFromJsonAsync<JsonElement>(new Uri(url, "appsettings.json"));

        Assert.Equal([("Api", new Uri(host.Url, "api").ToString())], settings.EnumerateObject().Select(p => (p.Name, p.Value.GetString())));
    }
}
