using System.Net;
using System.Text.Json;
using Nethereum.Util;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Testing;

namespace PowerVerse.Functions.Tests.Http;

/// <summary><c>GET /api/chain</c> through the real local host on a deployed suite: addresses from the manifest, token metadata from the chain.</summary>
public sealed class ChainRouteTests(ChainApiFixture api) : IClassFixture<ChainApiFixture>
{
    [Fact]
    public async Task GetChain_DeployedSuite_ManifestAddressesAndTokensFromTheChainThenFromMemory()
    {
        var chain = await GetChainAsync(api.Url);

        Assert.Equal(api.Manifest.ChainId, chain.GetProperty("chainId").GetInt64());
        var contracts = chain.GetProperty("contracts").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString());
        Assert.Equal(api.Manifest.Contracts.ToDictionary(c => c.Key, c => (string?)AddressUtil.Current.ConvertToChecksumAddress(c.Value)), contracts);
        var tokens = chain.GetProperty("tokens").EnumerateArray()
            .Select(t => (t.GetProperty("symbol").GetString(), t.GetProperty("name").GetString(), t.GetProperty("address").GetString(), t.GetProperty("decimals").GetInt32()));
        Assert.Equal(
        [
            ("PVC", "PowerVerse Coin", contracts["PowerVerseCoin"], 18),
            ("tUSD", "Test USD", contracts["TestStablecoin"], 6),
        ], tokens);

        // Read once: with the node gone, the same answer.
        await api.Node.DisposeAsync();
        Assert.Equal(chain.GetRawText(), (await GetChainAsync(api.Url)).GetRawText());
    }

    [Fact]
    public async Task GetChain_NodeNeverReached_ChainUnavailableThenQueryParameterRefused()
    {
        var settings = api.ChainSettings(new Uri($"http://127.0.0.1:{FreePort.Next()}"));
        settings["AzureWebJobsStorage"] = settings["ReadModel"] = api.Azurite.ConnectionString;
        settings["LocalHost__Urls"] = "http://127.0.0.1:0";
        // Beside the fixture's host on the same storage: a task hub of its own.
        settings["AzureFunctionsJobHost__extensions__durableTask__hubName"] = "ChainDown";
        var (host, url) = await ChainApiFixture.StartHostAsync(settings);
        await using (host)
        {
            using var response = await api.Http.GetAsync(new Uri(url, "api/chain"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(ApiResults.ProblemContentType, response.Content.Headers.ContentType?.MediaType);
            Assert.EndsWith("/chain-unavailable", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);

            using var query = await api.Http.GetAsync(new Uri(url, "api/chain?chainId=1"));
            Assert.Equal(HttpStatusCode.BadRequest, query.StatusCode);
        }
    }

    private async Task<JsonElement> GetChainAsync(Uri host)
    {
        using var response = await api.Http.GetAsync(new Uri(host, "api/chain"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/chain: {(int)response.StatusCode} {body}\n{api.Output}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
