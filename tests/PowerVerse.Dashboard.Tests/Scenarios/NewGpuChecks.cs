using System.Globalization;
using System.Numerics;
using Microsoft.Playwright;
using PowerVerse.Client.Api;
using PowerVerse.Dashboard.Tests.Browser;
using PowerVerse.Dashboard.Tests.Stack;
using PowerVerse.Dashboard.Tests.Wallet;
using PowerVerse.Workflows.Tests.Support;
using static PowerVerse.Dashboard.Tests.Scenarios.ScenarioSteps;

namespace PowerVerse.Dashboard.Tests.Scenarios;

/// <summary>Scenario 1's screens after the purchase, each figure checked against the chain or the API's answer to the same user.</summary>
public static class NewGpuChecks
{
    public const string Zero = "0x0000000000000000000000000000000000000000";

    /// <summary>The purchase's access on the page is the grant the API shows the buyer on a read the buyer signs.</summary>
    public static async Task AccessShownAsync(DashboardStack stack, ILocator bought, DashboardSession buyer, BigInteger uid)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(buyer);
        var grant = await GrantAsync(stack, buyer, uid);
        Assert.Equal((grant.Host, Text(grant.Port), grant.User),
            (await TextAsync(bought, "access-host"), await TextAsync(bought, "access-port"), await TextAsync(bought, "access-user")));
    }

    /// <summary>The first proof the page shows is verified, and is the API's proof with the same work.</summary>
    public static async Task FirstProofShownAsync(DashboardStack stack, ILocator bought)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(bought);
        var proof = bought.GetByTestId("first-proof");
        Assert.Equal("verified", await TextAsync(proof, "outcome-status"));
        var challenge = (await TextAsync(proof, "outcome-challenge")).Replace("Proof ", "", StringComparison.Ordinal);
        var api = (await stack.Api.GetAsync($"/api/proofs/{challenge}")).Json;
        Assert.Equal("verified", api.Text("status"));
        Assert.Equal(api.Text("work"), await AttributeAsync(proof, "outcome-work", "data-value"));
    }

    /// <summary>/usage-rights lists the UID as the buyer's, active until the chain's expiry; its page shows the access on a personal_sign read.</summary>
    public static async Task UsageRightsShownAsync(DashboardStack stack, ChainViews chain, DashboardSession buyer, BigInteger uid)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(buyer);
        var expires = (await chain.UsageRightAsync(uid)).Expires.ToString(CultureInfo.InvariantCulture);
        await buyer.OpenConnectedAsync("/usage-rights", $"usage-right-{Text(uid)}");
        var row = buyer.Page.GetByTestId($"usage-right-{Text(uid)}");
        Assert.Equal(("user", "active"), (await TextAsync(row, "role"), await TextAsync(row, "state")));
        Assert.Equal(expires, await AttributeAsync(row, "expires", "data-value"));
        await buyer.CheckScreenAsync("usage-rights");

        await buyer.OpenConnectedAsync($"/usage-rights/{Text(uid)}", "access");
        var facts = buyer.Page.GetByTestId("usage-right");
        Assert.Equal("active", await TextAsync(facts, "usage-right-state"));
        Assert.Equal(expires, await AttributeAsync(facts, "usage-right-expires", "data-value"));
        Assert.True(ApiJson.SameAddress(buyer.Wallet.Address, await AttributeAsync(facts, "usage-right-user", "data-value")));
        var access = buyer.Page.GetByTestId("access");
        await access.GetByRole(AriaRole.Button, new() { Name = "Show access", Exact = true }).ClickAsync();
        var host = await TextAsync(access, "access-host");
        var grant = await GrantAsync(stack, buyer, uid);
        Assert.Equal((grant.Host, Text(grant.Port), grant.User), (host, await TextAsync(access, "access-port"), await TextAsync(access, "access-user")));
        Assert.Equal($"ssh -p {grant.Port} {grant.User}@{grant.Host}", await TextAsync(access, "access-command"));
        Assert.Equal(grant.Expires ?? expires, await AttributeAsync(access, "access-expires", "data-value"));
        await buyer.CheckScreenAsync("usage-right");
    }

    /// <summary>/revenue of each beneficiary shows its RID shares of the VID as the chain's balanceOf.</summary>
    public static async Task RevenueRightsShownAsync(DashboardStack stack, ChainViews chain, BigInteger vid, DashboardSession provider, string investor)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(provider);
        await SharesShownAsync(provider, chain, vid);
        await using var holder = await stack.OpenAsync(account: 7, scenario: "scenario1-investor");
        Assert.True(ApiJson.SameAddress(investor, holder.Wallet.Address));
        await SharesShownAsync(holder, chain, vid);
    }

    /// <summary>Every write was a ForwardRequest signed with eth_signTypedData_v4; approvals and stakes were transactions.</summary>
    public static void WalletRequests(TestWallet wallet, int forwardRequests, int transactions, int personalSigns)
    {
        ArgumentNullException.ThrowIfNull(wallet);
        var typed = wallet.Requests.Where(r => r.Method == "eth_signTypedData_v4").ToList();
        Assert.Equal(forwardRequests, typed.Count);
        Assert.All(typed, r => Assert.Equal("ForwardRequest", r.PrimaryType));
        Assert.Equal(transactions, wallet.Requests.Count(r => r.Method == "eth_sendTransaction"));
        Assert.Equal(personalSigns, wallet.Requests.Count(r => r.Method == "personal_sign"));
    }

    private static async Task SharesShownAsync(DashboardSession session, ChainViews chain, BigInteger vid)
    {
        await session.OpenConnectedAsync("/revenue", $"rid-{Text(vid)}");
        var shares = await chain.SharesAsync(vid, session.Wallet.Address);
        Assert.True(shares > 0);
        Assert.Equal(Text(shares), await TextAsync(session.Page.Locator("body"), $"shares-{Text(vid)}"));
        await session.CheckScreenAsync("revenue");
    }

    private static async Task<AccessEndpoint> GrantAsync(DashboardStack stack, DashboardSession user, BigInteger uid)
    {
        var read = await stack.Api.GetUsageRightAsync(uid, user.Wallet.Key);
        return AccessEndpoint.Of(read.Json) ?? throw new InvalidOperationException($"The API shows the user no access to UID {uid}: {read.Json}");
    }
}
