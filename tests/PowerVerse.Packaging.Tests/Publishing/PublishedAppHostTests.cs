using System.Net;
using System.Text.Json;

namespace PowerVerse.Packaging.Tests.Publishing;

/// <summary>
/// The local host serves the API from the published package with the production configuration shape
/// (<see cref="PackagedApp.ServeAsync"/>): <c>Chain__Manifest</c> is the package-relative <c>deployments/31337.json</c>,
/// as Bicep sets it, and the assemblies that answer are the package's.
/// </summary>
[Collection(PackagedAppGroup.Name)]
public sealed class PublishedAppHostTests(PackagedApp app)
{
    [Fact]
    public async Task PublishedApp_Start_LoadsTheAppFromThePackageAsItsBaseDirectory()
    {
        var host = await app.ServeAsync();
        var assembly = Path.Combine(app.Package, "PowerVerse.Functions.dll");
        var baseDirectory = app.Package + Path.DirectorySeparatorChar;

        Assert.Contains($"Serving the Functions app PowerVerse.Functions from {assembly} (base directory {baseDirectory})", host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishedApp_OpenApi_IsServedOnLoopback()
    {
        using var api = await ApiAsync();

        Assert.Equal(IPAddress.Loopback.ToString(), api.BaseAddress!.Host);
        using var response = await api.GetAsync(new Uri("openapi.json", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var document = JsonDocument.Parse(body);
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/types", out _), body);
    }

    [Fact]
    public async Task PublishedApp_Types_ListsTheDaoSeededComputeTypesFromTheChain()
    {
        using var api = await ApiAsync();

        // The indexer (a timer every 3 s) reads the manifest the package carries and projects the DAO's seeding.
        string[] names = [];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (names.Length == 0 && DateTime.UtcNow < deadline)
        {
            using var response = await api.GetAsync(new Uri("types", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                names = document.RootElement.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToArray();
            }

            if (names.Length == 0)
            {
                await Task.Delay(500);
            }
        }

        var log = (await app.ServeAsync()).Output;
        Assert.True(names.SequenceEqual(["GPU", "CPU"]), $"types: [{string.Join(", ", names)}]\n{(log.Length <= 6000 ? log : "…" + log[^6000..])}");
    }

    private async Task<HttpClient> ApiAsync()
    {
        var listening = await (await app.ServeAsync()).WaitForListeningAsync(TimeSpan.FromSeconds(5));
        return new HttpClient { BaseAddress = new Uri(listening, "/api/"), Timeout = TimeSpan.FromSeconds(30) };
    }
}
