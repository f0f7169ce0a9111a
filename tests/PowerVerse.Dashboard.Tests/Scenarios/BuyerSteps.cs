using System.Numerics;
using Microsoft.Playwright;
using PowerVerse.Dashboard.Tests.Browser;
using static PowerVerse.Dashboard.Tests.Scenarios.ScenarioSteps;

namespace PowerVerse.Dashboard.Tests.Scenarios;

/// <summary>
/// The buyer's side of seed 000 scenario 1 in the browser: the buy page (<c>/market/buy/{uid}</c>) with its approval
/// and purchase, then the buyer's usage rights and the access configuration.
/// </summary>
public sealed class BuyerSteps(DashboardSession session)
{
    /// <summary>The SSH key the buyer hands the provider's agent.</summary>
    public const string SshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPowerVerseDashboardTestsKey buyer@test";

    private IPage Page => session.Page;

    /// <summary>Opens the buy page with the wallet connected: the price, the buyer's balance and the market's allowance (raw) as it shows them.</summary>
    public async Task<(BigInteger Price, BigInteger Balance, BigInteger Allowance)> OpenAsync(BigInteger uid)
    {
        await session.OpenConnectedAsync($"/market/buy/{Text(uid)}", "buy-step");
        var listing = Page.GetByTestId("buy-listing");
        // The balance and allowance come from the chain through the wallet, after the connection.
        await Assertions.Expect(listing.GetByTestId("buy-allowance")).ToHaveAttributeAsync("data-value", new System.Text.RegularExpressions.Regex("^[0-9]+$"));
        return (Id(await AttributeAsync(listing, "buy-price", "data-value") ?? ""),
            Id(await AttributeAsync(listing, "buy-balance", "data-value") ?? ""),
            Id(await AttributeAsync(listing, "buy-allowance", "data-value") ?? ""));
    }

    /// <summary>Step 1: the approval from the wallet (a transaction), until the page says no approval is needed.</summary>
    public async Task ApproveAsync(string buttonName)
    {
        await Page.GetByTestId("buy-approve").GetByRole(AriaRole.Button, new() { Name = buttonName, Exact = true }).ClickAsync();
        await session.WaitForTestIdAsync("approve-done", 60_000);
    }

    /// <summary>Step 2 with the SSH key: presses "Buy usage right N" (the ForwardRequest is signed in the wallet).</summary>
    public async Task PressBuyAsync(BigInteger uid)
    {
        await FillAsync(Page.GetByLabel("SSH public key"), SshKey);
        await Page.GetByTestId("buy-step").GetByRole(AriaRole.Button, new() { Name = $"Buy usage right {Text(uid)}", Exact = true }).ClickAsync();
    }

    /// <summary>Buys and follows the purchase's workflow to the end: the section the page shows for what was bought.</summary>
    public async Task<ILocator> BuyAsync(BigInteger uid)
    {
        var before = SignatureCount(session.Wallet);
        await PressBuyAsync(uid);
        var finished = Page.Locator("[data-testid=workflow]:not([data-status=Pending]):not([data-status=Running]), [data-testid=problem]").First;
        await finished.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = WorkflowMs });
        var workflow = Page.GetByTestId("workflow");
        Assert.Equal(before + 1, SignatureCount(session.Wallet));
        Assert.True(await workflow.CountAsync() == 1 && await workflow.GetAttributeAsync("data-status") == "Completed",
            $"The purchase did not complete. The page shows:\n{await Page.Locator("body").InnerTextAsync()}");
        Assert.Equal($"Buying usage right {Text(uid)}", (await workflow.GetByRole(AriaRole.Heading).InnerTextAsync()).Trim());
        return await session.WaitForTestIdAsync("bought");
    }
}
