using System.Numerics;
using Microsoft.Playwright;
using PowerVerse.Chain.Contracts;
using PowerVerse.Client.Accounts;
using PowerVerse.Dashboard.Tests.Browser;
using PowerVerse.Dashboard.Tests.Stack;
using PowerVerse.Workflows.Tests.Support;
using static PowerVerse.Dashboard.Tests.Scenarios.ScenarioSteps;

namespace PowerVerse.Dashboard.Tests.Scenarios;

/// <summary>
/// Seed 000, scenario 1, through the dashboard as its people use it, each signing in their own (injected) wallet: the
/// provider (#5) registers a GPU with the real gpu-agent's init payload, stakes it, creates a resource and a usage right
/// and lists it naming two revenue-right beneficiaries (itself and #7); the buyer (#6) finds it on the market, approves
/// and buys it — once at a price the provider has just changed, which the chain would refuse — gets the agent's access
/// and the first proof, and sees it among its usage rights. Every figure a screen shows is checked against the chain.
/// </summary>
[Collection(DashboardTests.Name)]
public sealed class NewGpuListedAndBoughtTests(DashboardStack stack)
{
    private const string Usd = "TestStablecoin";

    [BrowserFact]
    public async Task Scenario1_NewGpuRegisteredListedAndBought_EveryScreenAgreesWithTheChain()
    {
        var chain = new ChainViews(stack.Web3, stack.Manifest);
        var investor = HardhatAccounts.Key(7).GetPublicAddress();
        await stack.DaoIndexedAsync();
        await using var provider = await stack.OpenAsync(account: 5, scenario: "scenario1-provider");
        var flow = new ProviderSteps(provider);
        await flow.OpenAsync();
        await provider.CheckScreenAsync("provider");

        // HID: the agent's init attests a new device for the provider's address; the provider pastes its payload.
        var uuid = $"GPU-{Guid.NewGuid()}";
        var device = await stack.Agent.AttestAsync(provider.Wallet.Address, uuid, stack.Manifest["HardwareRegistry"]);
        var hid = await flow.RegisterAsync(await File.ReadAllTextAsync(device.PayloadFile), uuid, MarketSteps.H200);
        Assert.Equal(await stack.HardwareCountAsync(), hid);
        Assert.True(ApiJson.SameAddress(provider.Wallet.Address, await chain.OwnerOfAsync("HardwareRegistry", hid)));
        var hardware = await chain.HardwareAsync(hid);
        Assert.True(ApiJson.SameAddress(stack.Agent.Address, hardware.Agent));
        Assert.Equal(MarketSteps.H200, hardware.GpuModel);
        Assert.Equal(device.DeviceHash, hardware.DeviceHash);

        // Stake: the minimum of its compute type, approved and staked from the wallet.
        var (minimum, staked) = await flow.StakeStateAsync(hid);
        Assert.Equal(await chain.MinStakeAsync(hardware.ComputeType), minimum);
        Assert.Equal(("not staked", false), (staked, await stack.IsStakedAsync(hid)));
        await flow.StakeAsync();
        Assert.True(await stack.IsStakedAsync(hid));
        await provider.CheckScreenAsync("provider-staked");

        // VID (the whole GPU) and UID (one hour).
        var vid = await flow.CreateResourceAsync(hid);
        Assert.Equal(hid, (await chain.ResourceAsync(vid)).Hid);
        Assert.True(ApiJson.SameAddress(provider.Wallet.Address, await chain.OwnerOfAsync("ResourceRegistry", vid)));
        var uid = await flow.CreateUsageRightAsync(vid, 1, "hours");
        var right = await chain.UsageRightAsync(uid);
        Assert.Equal((vid, 3_600UL, 0UL), (right.Vid, right.Duration, right.Expires));
        Assert.True(ApiJson.SameAddress(provider.Wallet.Address, await chain.OwnerOfAsync("UsageRights", uid)));

        // First listing: the RID's beneficiaries, their shares summing to the revenue weight the page shows.
        var weight = await stack.RevenueWeightAsync(hardware.ComputeType);
        var form = await flow.PrepareListingAsync(uid, "tUSD", "10");
        Assert.Equal(Text(weight), await TextAsync(form, "revenue-weight"));
        var investorShares = weight * 3 / 10;
        await flow.SetBeneficiariesAsync([(provider.Wallet.Address, weight - investorShares), (investor, investorShares)]);
        await provider.CheckScreenAsync("provider-first-listing");
        Assert.Equal(uid, await flow.ListAsync());
        var listed = await chain.OrderAsync(uid);
        Assert.Equal((MarketOrder.Listed, 10 * MarketSteps.Usd), (listed.State, listed.Price));
        Assert.True(ApiJson.SameAddress(stack.Manifest[Usd], listed.Token));
        Assert.True(ApiJson.SameAddress(provider.Wallet.Address, listed.Account));
        Assert.Equal((weight - investorShares, investorShares, weight),
            (await chain.SharesAsync(vid, provider.Wallet.Address), await chain.SharesAsync(vid, investor), await chain.ShareSupplyAsync(vid)));
        await provider.CheckScreenAsync("provider-listed");

        // The market lists it at the chain's price, in the chain's token.
        await using var buyer = await stack.OpenAsync(account: 6, scenario: "scenario1-buyer");
        await buyer.GotoAsync("/market");
        await buyer.WaitForTestIdAsync("market-ready");
        var row = await buyer.WaitForTestIdAsync($"listing-{Text(uid)}");
        Assert.Equal(Text(listed.Price), await row.GetByTestId("price").Locator("[data-raw]").GetAttributeAsync("data-raw"));
        Assert.EndsWith(" " + await stack.SymbolAsync(listed.Token), await TextAsync(row, "price"), StringComparison.Ordinal);
        await buyer.CheckScreenAsync("market");

        // The buy page: the price, the buyer's balance and allowance as the chain has them; approve from the wallet.
        var buying = new BuyerSteps(buyer);
        var (price, balance, allowance) = await buying.OpenAsync(uid);
        Assert.Equal(listed.Price, price);
        Assert.Equal(await chain.TokenBalanceAsync(Usd, buyer.Wallet.Address), balance);
        Assert.Equal(await stack.MarketAllowanceAsync(Usd, buyer.Wallet.Address), allowance);
        await buyer.CheckScreenAsync("buy");
        await buying.ApproveAsync("Approve 10 tUSD");
        Assert.Equal(price, await stack.MarketAllowanceAsync(Usd, buyer.Wallet.Address));

        // Meanwhile the provider changes the price (a plain listing now: the RID exists). The buyer's page still shows
        // the old one: the chain would refuse that purchase, the page says so and shows the new price, and nothing
        // changes on chain.
        await flow.OpenAsync();
        var relist = await flow.PrepareListingAsync(uid, "tUSD", "12");
        Assert.Equal(1, await relist.GetByTestId("plain-listing").CountAsync());
        Assert.Equal(0, await relist.GetByTestId("beneficiaries").CountAsync());
        Assert.Equal(uid, await flow.ListAsync());
        var relisted = await chain.OrderAsync(uid);
        Assert.Equal((MarketOrder.Listed, 12 * MarketSteps.Usd), (relisted.State, relisted.Price));
        var buyerBalance = await chain.TokenBalanceAsync(Usd, buyer.Wallet.Address);
        await buying.PressBuyAsync(uid);
        Assert.Contains("price changed", await TextAsync(buyer.Page.Locator("body"), "problem", 60_000), StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(buyer.Page.GetByTestId("buy-price")).ToHaveAttributeAsync("data-value", Text(relisted.Price));
        await Assertions.Expect(buyer.Page.GetByRole(AriaRole.Button, new() { Name = "Approve 12 tUSD" })).ToBeVisibleAsync();
        await buyer.CheckScreenAsync("buy-stale-price");
        var after = await chain.OrderAsync(uid);
        Assert.Equal((MarketOrder.Listed, relisted.Price), (after.State, after.Price));
        Assert.Equal(buyerBalance, await chain.TokenBalanceAsync(Usd, buyer.Wallet.Address));
        Assert.True(ApiJson.SameAddress(NewGpuChecks.Zero, await chain.UserOfAsync(uid)));

        await BoughtAsync(buying, buyer, chain, uid, relisted.Price);
        await NewGpuChecks.RevenueRightsShownAsync(stack, chain, vid, provider, investor);
        NewGpuChecks.WalletRequests(provider.Wallet, forwardRequests: 5, transactions: 2, personalSigns: 0);
        NewGpuChecks.WalletRequests(buyer.Wallet, forwardRequests: 2, transactions: 2, personalSigns: 1);
    }

    /// <summary>The buyer reloads the page, approves the new price and buys: the access and the first proof, as the API and chain have them.</summary>
    private async Task BoughtAsync(BuyerSteps buying, DashboardSession buyer, ChainViews chain, BigInteger uid, BigInteger price)
    {
        var (shown, _, allowance) = await buying.OpenAsync(uid);
        Assert.Equal((price, await stack.MarketAllowanceAsync(Usd, buyer.Wallet.Address)), (shown, allowance));
        await buying.ApproveAsync("Approve 12 tUSD");
        var before = await chain.TokenBalanceAsync(Usd, buyer.Wallet.Address);
        var bought = await buying.BuyAsync(uid);
        Assert.True(ApiJson.SameAddress(buyer.Wallet.Address, await chain.UserOfAsync(uid)));
        Assert.Equal(price, before - await chain.TokenBalanceAsync(Usd, buyer.Wallet.Address));
        await NewGpuChecks.AccessShownAsync(stack, bought, buyer, uid);
        await NewGpuChecks.FirstProofShownAsync(stack, bought);
        await buyer.CheckScreenAsync("bought");
        await NewGpuChecks.UsageRightsShownAsync(stack, chain, buyer, uid);
    }
}
