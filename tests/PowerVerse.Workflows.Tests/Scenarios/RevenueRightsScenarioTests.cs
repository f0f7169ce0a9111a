using System.Globalization;
using System.Numerics;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Workflows.Tests.Scenarios;

/// <summary>
/// Seed 000, scenarios 4 (初始收益权通证持有者出售收益权通证) and 5 (收益权通证持有者出售收益权通证), through the write API:
/// RID shares listed by their holder, bought in partial fills by traders (balances after each fill on chain and in the
/// API), and each holder's claim of the rental income, equal to what <c>RevenueRights.claimable</c> says just before.
/// </summary>
[Collection(SharedStackTests.Name)]
public sealed class RevenueRightsScenarioTests(LocalStack stack, ITestOutputHelper output)
{
    private const uint Duration = 120;

    [Fact]
    public async Task Scenario4_InitialHolderSellsSharesInPartialFills_EachHolderClaimsItsIncome()
    {
        var (writes, steps) = Create();
        var (provider, buyer, investor, trader, anyone) = (new Wallet(stack, 4), new Wallet(stack, 5), new Wallet(stack, 6), new Wallet(stack, 7), new Wallet(stack, 9));
        var (_, vid, uid) = await steps.RentedResourceAsync(provider, buyer, [(provider.Address, 600), (investor.Address, 400)], Duration);

        // The first listing's beneficiary sells 300 of its 400 shares at 0.5 tUSD each; a trader buys 100, then 200.
        var listingId = await ListSharesAsync(writes, investor, vid, 300, MarketSteps.Usd / 2, steps);
        await trader.ApproveMarketAsync("TestStablecoin", 300 * MarketSteps.Usd / 2);
        await BuyAndCheckAsync(writes, steps, trader, investor, vid, listingId, 100, MarketSteps.Usd / 2, expectedRemaining: 200);
        await BuyAndCheckAsync(writes, steps, trader, investor, vid, listingId, 200, MarketSteps.Usd / 2, expectedRemaining: 0);
        Assert.Equal(new BigInteger(100), await steps.Chain.SharesAsync(vid, investor.Address));
        Assert.Equal(new BigInteger(300), await steps.Chain.SharesAsync(vid, trader.Address));

        // The rental is settled after the trades: its income is released to the holders of now.
        await steps.SettleAndReleaseAsync(uid, anyone);
        foreach (var holder in new[] { trader, investor, provider })
        {
            await ClaimAndCheckAsync(writes, steps, holder, vid);
        }
    }

    [Fact]
    public async Task Scenario5_TraderResellsBoughtSharesInPartialFills_EachHolderClaimsItsIncome()
    {
        var (writes, steps) = Create();
        var (provider, buyer, first, second, anyone) = (new Wallet(stack, 4), new Wallet(stack, 5), new Wallet(stack, 7), new Wallet(stack, 8), new Wallet(stack, 9));
        var (_, vid, uid) = await steps.RentedResourceAsync(provider, buyer, [(provider.Address, 1_000)], Duration);

        // A trader buys 400 of the provider's shares, then resells 250 of them dearer to a second trader in two fills.
        var providerListing = await ListSharesAsync(writes, provider, vid, 400, MarketSteps.Usd, steps);
        await first.ApproveMarketAsync("TestStablecoin", 400 * MarketSteps.Usd);
        await BuyAndCheckAsync(writes, steps, first, provider, vid, providerListing, 400, MarketSteps.Usd, expectedRemaining: 0);
        var resale = await ListSharesAsync(writes, first, vid, 250, 2 * MarketSteps.Usd, steps);
        await second.ApproveMarketAsync("TestStablecoin", 500 * MarketSteps.Usd);
        await BuyAndCheckAsync(writes, steps, second, first, vid, resale, 100, 2 * MarketSteps.Usd, expectedRemaining: 150);
        await BuyAndCheckAsync(writes, steps, second, first, vid, resale, 150, 2 * MarketSteps.Usd, expectedRemaining: 0);
        Assert.Equal(new BigInteger(600), await steps.Chain.SharesAsync(vid, provider.Address));
        Assert.Equal(new BigInteger(150), await steps.Chain.SharesAsync(vid, first.Address));
        Assert.Equal(new BigInteger(250), await steps.Chain.SharesAsync(vid, second.Address));

        await steps.SettleAndReleaseAsync(uid, anyone);
        foreach (var holder in new[] { second, first, provider })
        {
            await ClaimAndCheckAsync(writes, steps, holder, vid);
        }
    }

    private (WriteRunner Writes, MarketSteps Steps) Create()
    {
        var writes = new WriteRunner(stack, output);
        return (writes, new MarketSteps(stack, writes));
    }

    private async Task<BigInteger> ListSharesAsync(WriteRunner writes, Wallet seller, BigInteger vid, BigInteger amount, BigInteger unitPrice, MarketSteps steps)
    {
        var listed = await writes.CompleteAsync(await seller.Writes.ListSharesAsync(vid, amount, steps.Token("TestStablecoin"), unitPrice));
        Assert.Equal("SharesListed", listed.Event);
        var listingId = BigInteger.Parse(listed.Argument("listingId"), CultureInfo.InvariantCulture);
        var onChain = await steps.Chain.ShareListingAsync(listingId);
        Assert.Equal((amount, unitPrice), (onChain.Remaining, onChain.UnitPrice));
        Assert.Equal(amount, await RemainingInApiAsync(vid, listingId));
        return listingId;
    }

    /// <summary>Buys shares and checks both sides' shares and tUSD, on chain and in the API, and what is left listed.</summary>
    private async Task BuyAndCheckAsync(
        WriteRunner writes, MarketSteps steps, Wallet trader, Wallet seller, BigInteger vid, BigInteger listingId, BigInteger amount, BigInteger unitPrice, BigInteger expectedRemaining)
    {
        var chain = steps.Chain;
        var (traderShares, sellerShares) = (await chain.SharesAsync(vid, trader.Address), await chain.SharesAsync(vid, seller.Address));
        var (traderCash, sellerCash) = (await chain.TokenBalanceAsync("TestStablecoin", trader.Address), await chain.TokenBalanceAsync("TestStablecoin", seller.Address));

        var bought = await writes.CompleteAsync(await trader.Writes.BuySharesAsync(listingId, amount, steps.Token("TestStablecoin"), unitPrice));
        Assert.Equal("SharesPurchased", bought.Event);
        Assert.Equal((amount * unitPrice).ToString(CultureInfo.InvariantCulture), bought.Argument("cost"));

        Assert.Equal(traderShares + amount, await chain.SharesAsync(vid, trader.Address));
        Assert.Equal(sellerShares - amount, await chain.SharesAsync(vid, seller.Address));
        Assert.Equal(traderCash - (amount * unitPrice), await chain.TokenBalanceAsync("TestStablecoin", trader.Address));
        Assert.Equal(sellerCash + (amount * unitPrice), await chain.TokenBalanceAsync("TestStablecoin", seller.Address));
        Assert.Equal(expectedRemaining, (await chain.ShareListingAsync(listingId)).Remaining);

        var tusd = steps.Token("TestStablecoin");
        var (traderView, sellerView) = ((await stack.Api.GetAsync($"/api/accounts/{trader.Address}")).Json, (await stack.Api.GetAsync($"/api/accounts/{seller.Address}")).Json);
        Assert.Equal(traderShares + amount, traderView.Holding("rid", vid) ?? 0);
        Assert.Equal(sellerShares - amount, sellerView.Holding("rid", vid) ?? 0);
        Assert.Equal(traderCash - (amount * unitPrice), traderView.Balance(tusd));
        Assert.Equal(sellerCash + (amount * unitPrice), sellerView.Balance(tusd));
        Assert.Equal(expectedRemaining, await RemainingInApiAsync(vid, listingId));
    }

    /// <summary>Claims a holder's income and checks it is what the contract said was claimable just before.</summary>
    private async Task ClaimAndCheckAsync(WriteRunner writes, MarketSteps steps, Wallet holder, BigInteger vid)
    {
        var tusd = steps.Token("TestStablecoin");
        var claimable = await steps.Chain.ClaimableAsync(vid, "TestStablecoin", holder.Address);
        Assert.True(claimable > 0, $"{holder.Address} has nothing to claim");
        var cash = await steps.Chain.TokenBalanceAsync("TestStablecoin", holder.Address);
        var claimed = await writes.CompleteAsync(await holder.Writes.ClaimRevenueAsync(vid, tusd));
        Assert.Equal("IncomeClaimed", claimed.Event);
        Assert.Equal(claimable.ToString(CultureInfo.InvariantCulture), claimed.Argument("amount"));
        Assert.Equal(cash + claimable, await steps.Chain.TokenBalanceAsync("TestStablecoin", holder.Address));
        var view = (await stack.Api.GetAsync($"/api/accounts/{holder.Address}")).Json;
        Assert.Equal(cash + claimable, view.Balance(tusd));
        var revenue = view.Revenue(vid, tusd);
        Assert.NotNull(revenue);
        Assert.Equal(claimable, revenue.Value.Number("claimed"));
        Assert.Equal(BigInteger.Zero, revenue.Value.Number("claimable"));
    }

    /// <summary>What the API's RID market lists as left of a share listing (0 when it no longer lists it).</summary>
    private async Task<BigInteger> RemainingInApiAsync(BigInteger vid, BigInteger listingId)
    {
        var page = (await stack.Api.GetAsync($"/api/market/revenue-rights?vid={vid}")).Json;
        return page.GetProperty("items").EnumerateArray()
            .Where(l => l.Text("listingId") == listingId.ToString(CultureInfo.InvariantCulture))
            .Select(l => l.Number("remaining")).FirstOrDefault();
    }
}
