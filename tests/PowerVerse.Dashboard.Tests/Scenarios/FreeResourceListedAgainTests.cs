using System.Numerics;
using Microsoft.Playwright;
using PowerVerse.Chain.Contracts;
using PowerVerse.Dashboard.Tests.Browser;
using PowerVerse.Dashboard.Tests.Stack;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;
using static PowerVerse.Dashboard.Tests.Scenarios.ScenarioSteps;
using WorkflowWallet = PowerVerse.Workflows.Tests.Support.Wallet;

namespace PowerVerse.Dashboard.Tests.Scenarios;

/// <summary>
/// Seed 000, scenario 2, through the dashboard: once a rental of the provider's (#5) resource has ended and been
/// settled, /provider shows the VID among the free resources; the provider issues a new usage right on it from there
/// and lists it without beneficiaries (the VID's RID exists already), and the market shows it at the chain's price.
/// Scenario 1 up to the sale is set up through the write API with the Workflows tests' steps, with a short rental.
/// </summary>
/// <remarks>
/// On a stack of its own (<see cref="FreshDashboardStack"/>), still run one after another with the other browser tests:
/// the VID is free for the API once the wall clock passes the rental's end on chain.
/// </remarks>
[Collection(DashboardTests.Name)]
public sealed class FreeResourceListedAgainTests(FreshDashboardStack fresh, ITestOutputHelper output) : IClassFixture<FreshDashboardStack>
{
    private const uint FirstRental = 15;

    [BrowserFact]
    public async Task Scenario2_FreeVidAfterTheRental_NewUidListedWithoutBeneficiaries()
    {
        var stack = fresh.Stack;
        var steps = new MarketSteps(stack, new WriteRunner(stack, output));
        var chain = steps.Chain;
        var (provider, buyer, anyone) = (new WorkflowWallet(stack, 5), new WorkflowWallet(stack, 6), new WorkflowWallet(stack, 9));
        var weight = await stack.RevenueWeightAsync(MarketSteps.GpuComputeType);
        await stack.DaoIndexedAsync();
        var (_, vid, firstUid) = await steps.RentedResourceAsync(provider, buyer, [(provider.Address, weight)], FirstRental);

        // The rental ends (on the wall clock the API reads, and on chain), the dispute window passes and it is settled.
        var expires = (await chain.UsageRightAsync(firstUid)).Expires;
        var wait = DateTimeOffset.FromUnixTimeSeconds((long)expires) - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        output.WriteLine($"The rental of UID {firstUid} ends in {wait.TotalSeconds:F0} s on the wall clock.");
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await steps.SettleAndReleaseAsync(firstUid, anyone);
        Assert.Equal(MarketOrder.Settled, (await chain.OrderAsync(firstUid)).State);
        Assert.Equal(BigInteger.Zero, await chain.LiveUidOfAsync(vid));

        // /provider: the VID is free; its button fills the usage-right form.
        await using var session = await stack.OpenAsync(account: 5, scenario: "scenario2-provider");
        var flow = new ProviderSteps(session);
        await flow.OpenAsync();
        var free = await session.WaitForTestIdAsync($"free-{Text(vid)}");
        await session.CheckScreenAsync("provider-free");
        await free.GetByRole(AriaRole.Button, new() { Name = $"New usage right on VID {Text(vid)}", Exact = true }).ClickAsync();
        Assert.Equal(Text(vid), await flow.ChosenVidAsync());
        var uid = await flow.CreateUsageRightAsync(null, 2, "hours");
        Assert.NotEqual(firstUid, uid);
        var right = await chain.UsageRightAsync(uid);
        Assert.Equal((vid, 7_200UL, 0UL), (right.Vid, right.Duration, right.Expires));
        Assert.True(ApiJson.SameAddress(provider.Address, await chain.OwnerOfAsync("UsageRights", uid)));
        await Assertions.Expect(session.Page.GetByTestId($"free-{Text(vid)}")).ToHaveCountAsync(0);

        // A plain listing: no beneficiaries asked for, no RID minted.
        var form = await flow.PrepareListingAsync(uid, "tUSD", "8");
        Assert.Equal((1, 0), (await form.GetByTestId("plain-listing").CountAsync(), await form.GetByTestId("beneficiaries").CountAsync()));
        Assert.Contains($"({weight.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} shares)", await TextAsync(form, "plain-listing"), StringComparison.Ordinal);
        await session.CheckScreenAsync("provider-plain-listing");
        Assert.Equal(uid, await flow.ListAsync());
        var listed = await chain.OrderAsync(uid);
        Assert.Equal((MarketOrder.Listed, 8 * MarketSteps.Usd), (listed.State, listed.Price));
        Assert.True(ApiJson.SameAddress(stack.Manifest["TestStablecoin"], listed.Token));
        Assert.True(ApiJson.SameAddress(provider.Address, listed.Account));
        Assert.Equal((weight, weight), (await chain.ShareSupplyAsync(vid), await chain.SharesAsync(vid, provider.Address)));
        await session.CheckScreenAsync("provider-listed");

        // The market shows the new UID at the chain's price and token.
        await session.GotoAsync("/market");
        await session.WaitForTestIdAsync("market-ready");
        var row = await session.WaitForTestIdAsync($"listing-{Text(uid)}");
        Assert.Equal(Text(listed.Price), await row.GetByTestId("price").Locator("[data-raw]").GetAttributeAsync("data-raw"));
        Assert.EndsWith(" " + await stack.SymbolAsync(listed.Token), await TextAsync(row, "price"), StringComparison.Ordinal);
        Assert.Equal(0, await session.Page.GetByTestId($"listing-{Text(firstUid)}").CountAsync());
        await session.CheckScreenAsync("market");

        NewGpuChecks.WalletRequests(session.Wallet, forwardRequests: 2, transactions: 0, personalSigns: 0);
    }
}
