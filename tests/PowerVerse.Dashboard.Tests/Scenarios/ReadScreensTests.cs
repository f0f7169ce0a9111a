using System.Globalization;
using System.Numerics;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Contracts;
using PowerVerse.Dashboard.Services;
using PowerVerse.Dashboard.Tests.Browser;
using PowerVerse.Dashboard.Tests.Stack;
using PowerVerse.Domain.Tokens;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Dashboard.Tests.Scenarios;

/// <summary>
/// The read-only screens: the DAO's four lists as PowerParams has them, an account's balances as the tokens' balanceOf,
/// and the UID and RID order histories with a purchase of each, their times shown in the browser's zone.
/// </summary>
[Collection(DashboardTests.Name)]
public sealed class ReadScreensTests(DashboardStack stack, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Dao_FourTables_EqualTheApiAndPowerParams()
    {
        var arrange = new RevenueArrange(stack, output);
        await using var session = await stack.OpenAsync(account: 6, scenario: "read");
        await session.GotoAsync("/dao");
        await session.WaitForTestIdAsync("dao-ready");
        var page = session.Page;

        var types = (await arrange.ApiAsync("types")).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(types);
        Assert.Equal(types.Count, await page.GetByTestId("compute-types").Locator("tbody tr").CountAsync());
        foreach (var type in types)
        {
            var id = (uint)type.Number("computeType");
            var name = await arrange.Query<ComputeTypeNameFunction, string>("PowerParams", new ComputeTypeNameFunction { ComputeType = id });
            Assert.Equal((name, name), (type.Text("name"), await page.GetByTestId($"type-{id}").GetByTestId("name").InnerTextAsync()));
            var weight = await arrange.RevenueWeightAsync(id);
            Assert.Equal(weight, (await arrange.ApiAsync("revenue-weights")).GetProperty("items").EnumerateArray().Single(w => w.Number("computeType") == id).Number("weight"));
            Assert.Equal(weight, await page.GetByTestId($"revenue-weight-{id}").GetByTestId("weight").NumberAsync());
        }

        var gpus = (await arrange.ApiAsync("gpus")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(gpus.Count, await page.GetByTestId("gpu-models").Locator("tbody tr").CountAsync());
        foreach (var gpu in gpus)
        {
            var id = (uint)gpu.Number("gpuModel");
            var model = (await stack.Web3.Eth.GetContractQueryHandler<GpuModelFunction>()
                .QueryDeserializingToObjectAsync<GpuModelOutput>(new GpuModelFunction { Id = id }, stack.Manifest["PowerParams"])).Model;
            var row = page.GetByTestId($"gpu-{id}");
            Assert.Equal((model.Name, model.Name), (gpu.Text("name"), await row.GetByTestId("name").InnerTextAsync()));
            Assert.Equal(Formats.MiB(model.MemoryMiB), await row.GetByTestId("memory").InnerTextAsync());
        }

        var proofs = (await arrange.ApiAsync("proof-params")).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(proofs);
        Assert.Equal(proofs.Count, await page.GetByTestId("proof-params").Locator("tbody tr").CountAsync());
        foreach (var p in proofs)
        {
            var (type, version) = ((uint)p.Number("computeType"), (uint)p.Number("version"));
            var chain = (await stack.Web3.Eth.GetContractQueryHandler<ProofParamsFunction>()
                .QueryDeserializingToObjectAsync<ProofParamsOutput>(new ProofParamsFunction { ComputeType = type, Version = version }, stack.Manifest["PowerParams"])).Params;
            var row = page.GetByTestId($"proof-params-{type}-{version}");
            Assert.Equal(chain.Difficulty, await row.GetByTestId("difficulty").NumberAsync());
            Assert.Equal(chain.Shares, await row.GetByTestId("shares").NumberAsync());
            Assert.Equal(Formats.Duration(chain.DeadlineSeconds), await row.GetByTestId("deadline").InnerTextAsync());
            Assert.Equal((chain.Difficulty, chain.Shares), ((byte)p.Number("difficulty"), (ushort)p.Number("shares")));
        }

        await session.CheckScreenAsync("dao");
        Assert.Empty(session.BrowserErrors);
    }

    [BrowserFact]
    public async Task Balances_EachToken_EqualsItsBalanceOf()
    {
        var arrange = new RevenueArrange(stack, output);
        await using var session = await stack.OpenAsync(account: 6, scenario: "read");
        await session.OpenConnectedAsync("/balances", "balances-ready");

        var tokens = (await arrange.ApiAsync("chain")).GetProperty("tokens").EnumerateArray().ToList();
        Assert.NotEmpty(tokens);
        foreach (var token in tokens)
        {
            var balance = await arrange.Chain.TokenBalanceAsync(token.Text("address")!, session.Wallet.Address);
            Assert.Equal(balance, await session.Page.GetByTestId($"balance-{token.Text("symbol")}").RawAsync());
        }

        Assert.Equal(TokenAmount.Format(await arrange.EtherAsync(session.Wallet.Address), 18) + " ETH", await session.Page.GetByTestId("balance-ETH").InnerTextAsync());
        await session.CheckScreenAsync("balances");
        Assert.Empty(session.BrowserErrors);
    }

    [BrowserFact]
    public async Task Orders_UidAndRidPurchases_ShownWithTheirAmountsAndTimesInTheBrowsersZone()
    {
        var arrange = new RevenueArrange(stack, output);
        var (provider, buyer) = (arrange.Account(4), arrange.Account(6));
        var (vid, uid) = await arrange.RentedAsync(provider, buyer, 3_600);
        var (tusd, unitPrice) = (arrange.Token(RevenueArrange.Tusd), RevenueArrange.Usd(0.2m));
        var listed = await arrange.Writes.CompleteAsync(await provider.Writes.ListSharesAsync(vid, 100, tusd, unitPrice));
        var listingId = BigInteger.Parse(listed.Argument("listingId"), CultureInfo.InvariantCulture);
        await buyer.ApproveMarketAsync(RevenueArrange.Tusd, 30 * unitPrice);
        await arrange.Writes.CompleteAsync(await buyer.Writes.BuySharesAsync(listingId, 30, tusd, unitPrice));
        await using var session = await stack.OpenAsync(account: 6, scenario: "read");
        await session.OpenConnectedAsync("/orders", $"usage-order-{uid}");
        var page = session.Page;

        var order = await arrange.Chain.OrderAsync(uid);
        var sale = page.GetByTestId($"usage-order-{uid}");
        Assert.True(ApiJson.SameAddress(buyer.Address, await sale.GetByTestId("buyer").AddressAsync()));
        Assert.True(ApiJson.SameAddress(provider.Address, await sale.GetByTestId("seller").AddressAsync()));
        Assert.Equal(order.Price, await sale.GetByTestId("price").RawAsync());
        Assert.Equal(order.State == MarketOrder.Settled ? "settled" : "escrowed", await sale.GetByTestId("state").InnerTextAsync());
        Assert.Equal(order.Start, (ulong)await ShownTimeAsync(sale));

        var purchase = page.GetByTestId($"revenue-order-{listingId}");
        await purchase.WaitForAsync();
        Assert.True(ApiJson.SameAddress(buyer.Address, await purchase.GetByTestId("buyer").AddressAsync()));
        Assert.True(ApiJson.SameAddress(provider.Address, await purchase.GetByTestId("seller").AddressAsync()));
        Assert.Equal(30, await purchase.GetByTestId("shares").NumberAsync());
        Assert.Equal(unitPrice, await purchase.GetByTestId("unit-price").RawAsync());
        Assert.Equal(30 * unitPrice, await purchase.GetByTestId("cost").RawAsync());
        var api = (await arrange.ApiAsync($"orders/revenue-rights?account={buyer.Address}")).GetProperty("items").EnumerateArray()
            .First(o => o.Number("listingId") == listingId);
        var block = await stack.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(
            new BlockParameter(new Nethereum.Hex.HexTypes.HexBigInteger(api.GetProperty("source").Number("block"))));
        Assert.Equal((long)block.Timestamp.Value, await ShownTimeAsync(purchase));

        await session.CheckScreenAsync("orders");
        Assert.Empty(session.BrowserErrors);
    }

    /// <summary>The row's first time: its <c>datetime</c> (UTC) is shown as that moment in Asia/Shanghai (+08:00); returns it in unix seconds.</summary>
    private static async Task<long> ShownTimeAsync(Microsoft.Playwright.ILocator row)
    {
        var time = row.Locator("time").First;
        var utc = DateTimeOffset.Parse(await time.GetAttributeAsync("datetime") ?? string.Empty, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.Equal(utc.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture), await time.InnerTextAsync());
        return utc.ToUnixTimeSeconds();
    }
}
