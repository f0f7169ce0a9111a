using System.Numerics;
using Microsoft.Playwright;
using PowerVerse.Dashboard.Tests.Browser;
using PowerVerse.Dashboard.Tests.Stack;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Dashboard.Tests.Scenarios;

/// <summary>
/// Seed 000, scenarios 4 (初始收益权通证持有者出售收益权通证) and 5 (收益权通证持有者出售收益权通证) in the browser: a holder
/// lists RID shares on /revenue, a trader buys part then the rest on /revenue-market (approving the market in the
/// wallet when its allowance is short), and once the rental's income is settled and released each holder claims its
/// own on /revenue. Every figure is checked against the chain. The rental, its settlement and the chain's clock are
/// arranged through the API and the wallet as the Workflows tests do.
/// </summary>
[Collection(DashboardTests.Name)]
public sealed class RevenueRightsTradedTests(DashboardStack stack, ITestOutputHelper output)
{
    private const uint Duration = 120;

    [BrowserFact]
    public async Task Scenario4_ProviderSellsSharesInTwoFills_HoldersClaimTheirIncome_NothingLeftIsRefusedInPlainWords()
    {
        var arrange = new RevenueArrange(stack, output);
        var (provider, trader) = (arrange.Account(4), arrange.Account(7));
        var (vid, uid) = await arrange.RentedAsync(provider, arrange.Account(5), Duration);
        // The trader's wallet has to approve the market: no allowance left from earlier tests.
        await trader.ApproveMarketAsync(RevenueArrange.Tusd, 0);
        var screens = new RevenueScreens(arrange, await SymbolAsync(arrange));
        await using var holder = await stack.OpenAsync(account: 4, scenario: "scenario4-provider");
        await using var buyer = await stack.OpenAsync(account: 7, scenario: "scenario4-trader");

        var listingId = await screens.ListAsync(holder, vid, 400, "0.05");
        await screens.BuyAsync(buyer, provider.Address, listingId, 150);
        await screens.BuyAsync(buyer, provider.Address, listingId, 250);
        await screens.SharesShownAsync(buyer, vid);
        await screens.SharesShownAsync(holder, vid);

        await arrange.SettleAndReleaseAsync(uid);
        await screens.ClaimAsync(buyer, vid);
        await screens.ClaimAsync(holder, vid);

        // Claimed already: the chain would refuse a second claim, and the page says so in plain words.
        var symbol = await SymbolAsync(arrange);
        await holder.OpenConnectedAsync("/revenue", "revenue-ready");
        await holder.Page.GetByRole(AriaRole.Button, new() { Name = $"Claim {symbol} income of VID {vid}", Exact = true }).ClickAsync();
        var problem = holder.Page.GetByTestId("problem");
        await problem.WaitForAsync();
        var words = await problem.InnerTextAsync();
        Assert.Contains("revenue rights: nothing to claim", words, StringComparison.Ordinal);
        Assert.DoesNotContain("RevenueRightsNothingToClaim", words, StringComparison.Ordinal);
        await holder.CheckScreenAsync("nothing-to-claim");
        Assert.Empty(holder.ErrorsBesidesRefusals());
        Assert.Empty(buyer.BrowserErrors);
    }

    [BrowserFact]
    public async Task Scenario5_TraderResellsBoughtSharesInTwoFills_BothTradersClaimTheirIncome()
    {
        var arrange = new RevenueArrange(stack, output);
        var (provider, first, second) = (arrange.Account(4), arrange.Account(7), arrange.Account(8));
        var (vid, uid) = await arrange.RentedAsync(provider, arrange.Account(6), Duration);
        // Where scenario 4 left off: the first trader holds 300 shares it bought from the provider.
        await BuyFromProviderAsync(arrange, provider, first, vid, 300);
        Assert.Equal(300, await arrange.Chain.SharesAsync(vid, first.Address));
        await second.ApproveMarketAsync(RevenueArrange.Tusd, 0);
        var screens = new RevenueScreens(arrange, await SymbolAsync(arrange));
        await using var reseller = await stack.OpenAsync(account: 7, scenario: "scenario5-reseller");
        await using var buyer = await stack.OpenAsync(account: 8, scenario: "scenario5-trader");

        var resale = await screens.ListAsync(reseller, vid, 200, "0.1");
        await screens.BuyAsync(buyer, first.Address, resale, 80);
        await screens.BuyAsync(buyer, first.Address, resale, 120);
        await screens.SharesShownAsync(buyer, vid);
        await screens.SharesShownAsync(reseller, vid);

        await arrange.SettleAndReleaseAsync(uid);
        await screens.ClaimAsync(buyer, vid);
        await screens.ClaimAsync(reseller, vid);
        Assert.Empty(reseller.BrowserErrors);
        Assert.Empty(buyer.BrowserErrors);
    }

    /// <summary>Through the API: the provider lists <paramref name="amount"/> shares at 1 tUSD and the trader buys them all.</summary>
    private static async Task BuyFromProviderAsync(
        RevenueArrange arrange, Workflows.Tests.Support.Wallet provider, Workflows.Tests.Support.Wallet trader, BigInteger vid, BigInteger amount)
    {
        var (tusd, unitPrice) = (arrange.Token(RevenueArrange.Tusd), MarketSteps.Usd);
        var listed = await arrange.Writes.CompleteAsync(await provider.Writes.ListSharesAsync(vid, amount, tusd, unitPrice));
        var listingId = BigInteger.Parse(listed.Argument("listingId"), System.Globalization.CultureInfo.InvariantCulture);
        await trader.ApproveMarketAsync(RevenueArrange.Tusd, amount * unitPrice);
        await arrange.Writes.CompleteAsync(await trader.Writes.BuySharesAsync(listingId, amount, tusd, unitPrice));
    }

    private static async Task<string> SymbolAsync(RevenueArrange arrange) =>
        (await arrange.ApiAsync("chain")).GetProperty("tokens").EnumerateArray()
            .Single(t => ApiJson.SameAddress(t.Text("address"), arrange.Token(RevenueArrange.Tusd))).Text("symbol")!;
}
