using System.Net;
using System.Text.Json;
using PowerVerse.Functions.Tests.Support;

namespace PowerVerse.Functions.Tests.Http;

/// <summary>Every GET route of DESIGN §4 through the real local host process, on the seeded read model.</summary>
[Collection(ReadApiGroup.Name)]
public sealed class ReadRoutesTests(ReadApiFixture api)
{
    [Fact]
    public async Task DaoLists_AsSeeded_InIdOrder()
    {
        Assert.Equal(["GPU", "CPU"], Items(await GetJsonAsync("api/types")).Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(6, Items(await GetJsonAsync("api/gpus?computeType=1")).Count);
        Assert.Empty(Items(await GetJsonAsync("api/gpus?computeType=2")));
        Assert.Equal("H200", Items(await GetJsonAsync("api/gpus"))[5].GetProperty("name").GetString());
        Assert.Equal(12, Items(await GetJsonAsync("api/proof-params?computeType=2"))[0].GetProperty("difficulty").GetInt32());
        Assert.Equal(["1000", "100"], Items(await GetJsonAsync("api/revenue-weights")).Select(w => w.GetProperty("weight").GetString()));
    }

    [Fact]
    public async Task Hardware_Known_Eip55AndAmountsAsStrings()
    {
        var hardware = await GetJsonAsync("api/hardware/1");

        Assert.Equal(Sample.Provider, hardware.GetProperty("owner").GetString());
        Assert.Equal("1000", hardware.GetProperty("stake").GetString());
        Assert.Equal(10, hardware.GetProperty("source").GetProperty("block").GetInt64());
    }

    [Fact]
    public async Task Resources_LiveFreeAndRented_ReadAtQueryTime()
    {
        Assert.Equal("1", (await GetJsonAsync("api/resources/1")).GetProperty("liveUid").GetString());
        var expired = await GetJsonAsync("api/resources/2");
        Assert.Equal((JsonValueKind.Null, true), (expired.GetProperty("liveUid").ValueKind, expired.GetProperty("free").GetBoolean()));
        Assert.False((await GetJsonAsync("api/resources/3")).GetProperty("free").GetBoolean());
    }

    [Fact]
    public async Task UsageRight_ListedAndRented_PublicFieldsAndListing()
    {
        var listed = await GetJsonAsync("api/usage-rights/1");
        Assert.Equal("100", listed.GetProperty("listing").GetProperty("price").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("user").ValueKind);

        var rented = await GetJsonAsync("api/usage-rights/5");
        Assert.Equal((Sample.Buyer, true), (rented.GetProperty("user").GetString(), rented.GetProperty("active").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, rented.GetProperty("listing").ValueKind);
    }

    [Fact]
    public async Task Account_Provider_HoldingsBalancesRevenueAndFreeVids()
    {
        var account = await GetJsonAsync($"api/accounts/{Sample.Provider.ToLowerInvariant()}");

        Assert.Equal(Sample.Provider, account.GetProperty("address").GetString());
        Assert.Equal(6, account.GetProperty("holdings").GetArrayLength());
        Assert.Equal(Sample.Huge.ToString(System.Globalization.CultureInfo.InvariantCulture), account.GetProperty("balances")[0].GetProperty("balance").GetString());
        Assert.Equal("57", account.GetProperty("revenues")[0].GetProperty("claimable").GetString());
        Assert.Equal(["2"], account.GetProperty("freeResources").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(0, (await GetJsonAsync("api/accounts/0x0000000000000000000000000000000000000001")).GetProperty("holdings").GetArrayLength());
    }

    [Fact]
    public async Task UsageRightsMarket_PagedByPrice_EveryListingOnceInOrder()
    {
        var prices = new List<long>();
        var path = "api/market/usage-rights?gpuModel=5&sort=price&pageSize=50";
        string? token = null;
        do
        {
            var page = await GetJsonAsync(token is null ? path : $"{path}&continuationToken={Uri.EscapeDataString(token)}");
            prices.AddRange(Items(page).Select(l => long.Parse(l.GetProperty("price").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);

        Assert.Equal(Enumerable.Range(1, ReadApiFixture.Model5Listings).Select(i => (long)i), prices);
    }

    [Fact]
    public async Task UsageRightsMarket_RankSortAndFilters_Answered()
    {
        var ranked = Items(await GetJsonAsync("api/market/usage-rights?computeType=1&sort=rank&pageSize=1"));
        Assert.Equal("1", ranked[0].GetProperty("uid").GetString());
        // The EWMA of the two seeded proofs' rates: floor((1,048,576 + 3 · 2,097,152) / 4).
        Assert.Equal("1835008", ranked[0].GetProperty("rankScore").GetString());
        Assert.Equal(3, Items(await GetJsonAsync($"api/market/usage-rights?gpuModel=5&minPrice=10&maxPrice=12&token={Sample.Usd.ToLowerInvariant()}")).Count);
        Assert.Empty(Items(await GetJsonAsync($"api/market/usage-rights?token={Sample.Pvc}")));
    }

    [Fact]
    public async Task RevenueRightsMarketAndOrders_AsSeeded()
    {
        Assert.Equal("60", Items(await GetJsonAsync("api/market/revenue-rights?vid=1"))[0].GetProperty("remaining").GetString());
        var usage = Items(await GetJsonAsync($"api/orders/usage-rights?account={Sample.Buyer}"));
        Assert.Equal(("5", "250"), (usage[0].GetProperty("uid").GetString(), usage[0].GetProperty("price").GetString()));
        Assert.Single(Items(await GetJsonAsync("api/orders/usage-rights?from=2026-11-28T00:00:00Z&to=2026-11-29T00:00:00Z")));
        Assert.Empty(Items(await GetJsonAsync("api/orders/usage-rights?from=2026-11-29T00:00:00Z")));
        Assert.Equal("200", Items(await GetJsonAsync($"api/orders/revenue-rights?account={Sample.Holder}"))[0].GetProperty("cost").GetString());
    }

    [Fact]
    public async Task RanksProofsAndDividends_AsSeeded()
    {
        Assert.Equal("1", Items(await GetJsonAsync("api/ranks?computeType=1"))[0].GetProperty("vid").GetString());
        var rank = await GetJsonAsync("api/ranks/1");
        var proofs = rank.GetProperty("proofs").EnumerateArray().ToList();
        Assert.Equal(["7", "8"], proofs.Select(p => p.GetProperty("challengeId").GetString()));
        Assert.Equal(["2097152", "1048576"], proofs.Select(p => p.GetProperty("rate").GetString()));
        Assert.All(proofs, p => Assert.Equal((1_794_999_400L, "verified"), (p.GetProperty("issuedAt").GetInt64(), p.GetProperty("status").GetString())));
        var summary = rank.GetProperty("rank");
        Assert.Equal(("1835008", "1835008", 10_000, 10_000, 2, 0), (summary.GetProperty("score").GetString(), summary.GetProperty("hashRate").GetString(),
            summary.GetProperty("successBps").GetInt32(), summary.GetProperty("uptimeBps").GetInt32(), summary.GetProperty("verified").GetInt32(), summary.GetProperty("missed").GetInt32()));
        Assert.Equal((2, 20), (summary.GetProperty("window").GetProperty("proofs").GetInt32(), summary.GetProperty("window").GetProperty("max").GetInt32()));
        Assert.Equal("2097152", (await GetJsonAsync("api/proofs/7")).GetProperty("hashRate").GetString());
        var dividend = await GetJsonAsync($"api/dividends/1/{Sample.Holder.ToLowerInvariant()}");
        Assert.Equal(("400", 2), (dividend.GetProperty("amount").GetString(), dividend.GetProperty("proof").GetArrayLength()));
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await api.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static List<JsonElement> Items(JsonElement list) => list.GetProperty("items").EnumerateArray().ToList();
}
