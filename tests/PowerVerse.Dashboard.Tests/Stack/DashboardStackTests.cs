using System.Net.Http.Json;
using System.Text.Json;
using PowerVerse.Dashboard.Tests.Browser;

namespace PowerVerse.Dashboard.Tests.Stack;

/// <summary>The stack serves the published dashboard with the settings that point it at this stack's API and chain, and its first screen opens.</summary>
[Collection(DashboardTests.Name)]
public sealed class DashboardStackTests(DashboardStack stack)
{
    [Fact]
    public async Task AppSettings_Served_PointAtTheStacksApiAndChain()
    {
        using var http = new HttpClient { BaseAddress = stack.DashboardUrl };

        var settings = await http.GetFromJsonAsync<JsonElement>("appsettings.json");

        Assert.Equal(stack.Host.ApiUrl.ToString().TrimEnd('/'), settings.GetProperty("Api").GetString()?.TrimEnd('/'));
        Assert.Equal(stack.Node.RpcUrl.ToString().TrimEnd('/'), settings.GetProperty("LocalChain").GetProperty("RpcUrl").GetString()?.TrimEnd('/'));
    }

    [BrowserFact]
    public async Task Market_Opened_HasOneHeadingAndPassesAxe()
    {
        await using var session = await stack.OpenAsync(account: 4, scenario: "start");

        await session.GotoAsync(Loading.PageLoad.MarketRoute);
        await session.WaitForTestIdAsync("market-ready");

        Assert.Equal(1, await session.Page.Locator("h1").CountAsync());
        await session.CheckScreenAsync("market");
        Assert.Empty(session.BrowserErrors);
    }
}
