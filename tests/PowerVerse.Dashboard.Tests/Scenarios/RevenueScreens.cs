using System.Numerics;
using Microsoft.Playwright;
using PowerVerse.Dashboard.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace PowerVerse.Dashboard.Tests.Scenarios;

/// <summary>
/// Scenarios 4 and 5's own actions in the browser — list shares on /revenue, buy them on /revenue-market, claim income
/// on /revenue — each followed to its workflow's end and checked against the chain (RevenueRights, the share listing,
/// the token's balanceOf) and on /balances.
/// </summary>
internal sealed class RevenueScreens(RevenueArrange arrange, string symbol)
{
    /// <summary>The seller lists shares of the VID at a unit price typed in whole tUSD ("0.05"); returns the listing's id.</summary>
    public async Task<BigInteger> ListAsync(DashboardSession seller, BigInteger vid, BigInteger amount, string unitPrice)
    {
        ArgumentNullException.ThrowIfNull(seller);
        var address = seller.Wallet.Address;
        await seller.OpenConnectedAsync("/revenue", "revenue-ready");
        Assert.Equal(await arrange.Chain.SharesAsync(vid, address), await seller.Page.GetByTestId($"shares-{vid}").NumberAsync());
        var before = await arrange.ShareListingsAsync(vid, address);

        await seller.Page.GetByRole(AriaRole.Button, new() { Name = $"List shares of VID {vid}", Exact = true }).ClickAsync();
        var form = seller.Page.GetByTestId("list-shares");
        await form.GetByLabel("Shares to sell").FillAsync(RevenueArrange.Text(amount));
        await form.GetByLabel("Paid in").SelectOptionAsync(new SelectOptionValue { Label = symbol });
        await form.GetByLabel("Unit price").FillAsync(unitPrice);
        await seller.CheckScreenAsync($"list-shares-{Who(seller)}");
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign the listing", Exact = true }).ClickAsync();
        await seller.CompletedAsync($"Listing {amount} shares of VID {vid} at {unitPrice} {symbol} each");

        var listingId = Assert.Single((await arrange.ShareListingsAsync(vid, address)).Except(before));
        var listing = await arrange.Chain.ShareListingAsync(listingId);
        Assert.True(Workflows.Tests.Support.ApiJson.SameAddress(address, listing.Seller));
        Assert.Equal((vid, amount, RevenueArrange.Usd(decimal.Parse(unitPrice, System.Globalization.CultureInfo.InvariantCulture))),
            (listing.Vid, listing.Remaining, listing.UnitPrice));
        Assert.Equal(arrange.Token(RevenueArrange.Tusd), listing.Token, StringComparer.OrdinalIgnoreCase);
        // Listed shares stay the seller's (escrowed by RevenueRights' listedOf) until sold.
        await Expect(seller.Page.GetByTestId($"shares-{vid}")).ToHaveTextAsync(RevenueArrange.Text(await arrange.Chain.SharesAsync(vid, address)));
        return listingId;
    }

    /// <summary>
    /// The buyer buys shares of a listing on /revenue-market (the wallet approves the market first when its allowance is
    /// short); the row's figures equal the chain's listing before and after, and both sides' shares and tUSD moved.
    /// </summary>
    public async Task BuyAsync(DashboardSession buyer, string seller, BigInteger listingId, BigInteger amount)
    {
        ArgumentNullException.ThrowIfNull(buyer);
        var page = buyer.Page;
        var address = buyer.Wallet.Address;
        var listing = await arrange.Chain.ShareListingAsync(listingId);
        await buyer.OpenConnectedAsync("/revenue-market", "revenue-market-ready");
        var row = page.GetByTestId($"share-listing-{listingId}");
        Assert.Equal(RevenueArrange.Text(listing.Vid), await row.GetByTestId("vid").InnerTextAsync());
        Assert.Equal(listing.Remaining, await row.GetByTestId("remaining").NumberAsync());
        Assert.Equal(listing.UnitPrice, await row.GetByTestId("unit-price").RawAsync());
        await buyer.CheckScreenAsync($"revenue-market-{Who(buyer)}-{listingId}-{amount}");

        var (tusd, vid, cost) = (RevenueArrange.Tusd, listing.Vid, amount * listing.UnitPrice);
        var (buyerShares, sellerShares) = (await arrange.Chain.SharesAsync(vid, address), await arrange.Chain.SharesAsync(vid, seller));
        var (buyerCash, sellerCash) = (await arrange.Chain.TokenBalanceAsync(tusd, address), await arrange.Chain.TokenBalanceAsync(tusd, seller));
        var approvals = buyer.WalletCount("eth_sendTransaction") + (await arrange.AllowanceAsync(arrange.Token(tusd), address) < cost ? 1 : 0);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Buy shares of listing {listingId}", Exact = true }).ClickAsync();
        var form = page.GetByTestId("buy-shares");
        await form.GetByLabel("Shares to buy").FillAsync(RevenueArrange.Text(amount));
        await form.GetByRole(AriaRole.Button, new() { Name = "Approve and buy", Exact = true }).ClickAsync();
        await buyer.CompletedAsync($"Buying {amount} shares of listing {listingId}");

        Assert.Equal(approvals, buyer.WalletCount("eth_sendTransaction"));
        Assert.Equal(buyerShares + amount, await arrange.Chain.SharesAsync(vid, address));
        Assert.Equal(sellerShares - amount, await arrange.Chain.SharesAsync(vid, seller));
        Assert.Equal(buyerCash - cost, await arrange.Chain.TokenBalanceAsync(tusd, address));
        Assert.Equal(sellerCash + cost, await arrange.Chain.TokenBalanceAsync(tusd, seller));
        var remaining = (await arrange.Chain.ShareListingAsync(listingId)).Remaining;
        Assert.Equal(listing.Remaining - amount, remaining);
        if (remaining > 0)
        {
            await Expect(row.GetByTestId("remaining")).ToHaveTextAsync(RevenueArrange.Text(remaining));
        }
        else
        {
            await Expect(row).ToHaveCountAsync(0);
        }

        await buyer.CheckScreenAsync($"bought-{Who(buyer)}-{listingId}-{amount}");
    }

    /// <summary>/revenue shows the account's RID balance of the VID as the chain has it.</summary>
    public async Task SharesShownAsync(DashboardSession holder, BigInteger vid)
    {
        ArgumentNullException.ThrowIfNull(holder);
        await holder.OpenConnectedAsync("/revenue", "revenue-ready");
        Assert.Equal(await arrange.Chain.SharesAsync(vid, holder.Wallet.Address), await holder.Page.GetByTestId($"shares-{vid}").NumberAsync());
    }

    /// <summary>
    /// The holder claims its tUSD income of the VID on /revenue: what the page showed claimable is the chain's, the
    /// tUSD balance on /balances rises by exactly that, and claimable is 0 after.
    /// </summary>
    public async Task ClaimAsync(DashboardSession holder, BigInteger vid)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var (page, address) = (holder.Page, holder.Wallet.Address);
        var claimable = await arrange.IndexedClaimableAsync(vid, address);
        Assert.True(claimable > 0, $"{address} has nothing to claim on VID {vid}");
        var before = await BalanceShownAsync(holder);

        await holder.OpenConnectedAsync("/revenue", "revenue-ready");
        Assert.Equal(await arrange.Chain.SharesAsync(vid, address), await page.GetByTestId($"shares-{vid}").NumberAsync());
        Assert.Equal(claimable, await page.GetByTestId($"claimable-{vid}-{symbol}").RawAsync());
        var claimed = await page.GetByTestId($"claimed-{vid}-{symbol}").RawAsync();
        await holder.CheckScreenAsync($"revenue-claimable-{Who(holder)}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Claim {symbol} income of VID {vid}", Exact = true }).ClickAsync();
        await holder.CompletedAsync($"Claiming {symbol} income of VID {vid}");

        await Expect(page.GetByTestId($"claimable-{vid}-{symbol}").Locator("[data-raw]")).ToHaveAttributeAsync("data-raw", "0");
        Assert.Equal(claimed + claimable, await page.GetByTestId($"claimed-{vid}-{symbol}").RawAsync());
        Assert.Equal(BigInteger.Zero, await arrange.Chain.ClaimableAsync(vid, RevenueArrange.Tusd, address));
        Assert.Equal(before + claimable, await arrange.Chain.TokenBalanceAsync(RevenueArrange.Tusd, address));
        await holder.CheckScreenAsync($"revenue-claimed-{Who(holder)}");
        Assert.Equal(before + claimable, await BalanceShownAsync(holder));
    }

    /// <summary>The account's tUSD on /balances, which must be the token's balanceOf.</summary>
    public async Task<BigInteger> BalanceShownAsync(DashboardSession holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        await holder.OpenConnectedAsync("/balances", "balances-ready");
        var shown = await holder.Page.GetByTestId($"balance-{symbol}").RawAsync();
        Assert.Equal(await arrange.Chain.TokenBalanceAsync(RevenueArrange.Tusd, holder.Wallet.Address), shown);
        return shown;
    }

    /// <summary>A screenshot's name part for the account (the end of its address).</summary>
    private static string Who(DashboardSession session) => session.Wallet.Address[^4..].ToLowerInvariant();
}
