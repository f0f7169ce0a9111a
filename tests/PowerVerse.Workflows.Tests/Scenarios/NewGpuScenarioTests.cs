using System.Globalization;
using System.Numerics;
using PowerVerse.Client.Api;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Workflows.Tests.Scenarios;

/// <summary>
/// Seed 000, scenario 1 (用新GPU板卡创建使用权算力并在市场上销售), through the write API only: the provider registers a
/// new GPU with its agent's attestation (HID), creates a resource (VID) and a usage right (UID), lists it the first time
/// naming the RID beneficiaries; a buyer buys it, gets the access configuration from the real agent and is its user
/// until expiry; after settlement a revenue holder claims its income. Each step is checked in the API and on chain.
/// </summary>
[Collection(SharedStackTests.Name)]
public sealed class NewGpuScenarioTests(LocalStack stack, ITestOutputHelper output)
{
    private const uint Duration = 120;

    [Fact]
    public async Task Scenario1_NewGpuListedBoughtAndIncomeClaimed_EveryStepInTheApiAndOnChain()
    {
        var writes = new WriteRunner(stack, output);
        var steps = new MarketSteps(stack, writes);
        var chain = steps.Chain;
        var api = stack.Api;
        var (provider, buyer, investor, stranger, anyone) = (new Wallet(stack, 4), new Wallet(stack, 5), new Wallet(stack, 6), new Wallet(stack, 8), new Wallet(stack, 9));
        var tusd = steps.Token("TestStablecoin");
        var price = 120 * MarketSteps.Usd;

        // HID: the agent attests the device for the provider, who registers it; staking has no route (the wallet does it).
        var device = await stack.Agent.AttestAsync(provider.Address, $"GPU-{Guid.NewGuid()}", stack.Manifest["HardwareRegistry"]);
        var registered = await writes.CompleteAsync(await provider.Writes.RegisterHardwareAsync(MarketSteps.H200, device.DeviceHash, device.Agent, 32, 131_072, device.Attestation));
        Assert.Equal("HardwareRegistered", registered.Event);
        var hid = Id(registered.Argument("hid"));
        Assert.True(ApiJson.SameAddress(provider.Address, await chain.OwnerOfAsync("HardwareRegistry", hid)));
        Assert.True(ApiJson.SameAddress(stack.Agent.Address, (await chain.HardwareAsync(hid)).Agent));
        var hardware = (await api.GetAsync($"/api/hardware/{hid}")).Json;
        Assert.True(ApiJson.SameAddress(provider.Address, hardware.Text("owner")));
        Assert.True(ApiJson.SameAddress(stack.Agent.Address, hardware.Text("agent")));
        await provider.StakeAsync(hid, await chain.MinStakeAsync(MarketSteps.GpuComputeType));

        // VID on the HID; the same signed body again is the same workflow, not a second resource.
        var create = await provider.Writes.CreateResourceAsync(hid, 5_000, 16, 65_536, 500);
        var created = await writes.CompleteAsync(create);
        Assert.Equal("ResourceCreated", created.Event);
        var vid = Id(created.Argument("vid"));
        var again = await api.PostAsync(create);
        Assert.Equal(202, again.Status);
        Assert.Equal(create.Id, again.Id);
        Assert.Equal(hid, (await chain.ResourceAsync(vid)).Hid);
        var resource = (await api.GetAsync($"/api/resources/{vid}")).Json;
        Assert.Equal(hid.ToString(CultureInfo.InvariantCulture), resource.Text("hid"));
        Assert.Equal("true", resource.Text("free"));
        Assert.Contains(vid.ToString(CultureInfo.InvariantCulture), (await api.GetAsync($"/api/accounts/{provider.Address}")).Json.FreeResources());

        // UID on the VID.
        var issued = await writes.CompleteAsync(await provider.Writes.CreateUsageRightAsync(vid, Duration));
        Assert.Equal("UsageRightCreated", issued.Event);
        var uid = Id(issued.Argument("uid"));
        Assert.Equal(vid, (await chain.UsageRightAsync(uid)).Vid);
        Assert.True(ApiJson.SameAddress(provider.Address, await chain.OwnerOfAsync("UsageRights", uid)));
        var right = (await api.GetAsync($"/api/usage-rights/{uid}")).Json;
        Assert.Equal(vid.ToString(CultureInfo.InvariantCulture), right.Text("vid"));
        Assert.True(ApiJson.SameAddress(provider.Address, right.Text("owner")));

        // First listing: names the beneficiaries, mints the VID's RID to them.
        var listed = await writes.CompleteAsync(await provider.Writes.ListWithRevenueRightsAsync(uid, tusd, price, [(provider.Address, 700), (investor.Address, 300)]));
        Assert.Equal("Listed", listed.Event);
        Assert.Equal(price.ToString(CultureInfo.InvariantCulture), listed.Argument("price"));
        Assert.Equal(new BigInteger(700), await chain.SharesAsync(vid, provider.Address));
        Assert.Equal(new BigInteger(300), await chain.SharesAsync(vid, investor.Address));
        Assert.Equal(new BigInteger(1_000), await chain.ShareSupplyAsync(vid));
        var listing = (await api.GetAsync($"/api/usage-rights/{uid}")).Json.GetProperty("listing");
        Assert.Equal(price.ToString(CultureInfo.InvariantCulture), listing.Text("price"));
        Assert.True(ApiJson.SameAddress(tusd, listing.Text("token")));
        Assert.Equal("1000", (await api.GetAsync($"/api/resources/{vid}")).Json.Text("revenueShares"));
        Assert.Equal(new BigInteger(300), (await api.GetAsync($"/api/accounts/{investor.Address}")).Json.Holding("rid", vid));

        // The buyer approves the market in its wallet and buys through the API: the access endpoint comes from the real agent.
        var escrowBefore = await chain.TokenBalanceAsync("TestStablecoin", stack.Manifest["ComputeMarket"]);
        var buyerBefore = await chain.TokenBalanceAsync("TestStablecoin", buyer.Address);
        var bought = await steps.BuyAsync(buyer, uid, "TestStablecoin", price);
        Assert.Equal("Purchased", bought.Event);
        Assert.True(ApiJson.SameAddress(buyer.Address, bought.Argument("buyer")));
        Assert.Equal(new AccessEndpoint("127.0.0.1", GpuAgentProcess.SshPort, GpuAgentProcess.SshUser), bought.Access);
        var expires = ulong.Parse(bought.Argument("expires"), CultureInfo.InvariantCulture);

        // The buyer is the UID's user until expiry; the price is in escrow.
        Assert.True(ApiJson.SameAddress(buyer.Address, await chain.UserOfAsync(uid)));
        Assert.Equal(expires, (await chain.UsageRightAsync(uid)).Expires);
        Assert.Equal(price, await chain.TokenBalanceAsync("TestStablecoin", stack.Manifest["ComputeMarket"]) - escrowBefore);
        Assert.Equal(price, buyerBefore - await chain.TokenBalanceAsync("TestStablecoin", buyer.Address));
        var own = (await api.GetUsageRightAsync(uid, buyer.Key)).Json;
        Assert.True(ApiJson.SameAddress(buyer.Address, own.Text("user")));
        Assert.Equal("true", own.Text("active"));
        Assert.Equal(expires.ToString(CultureInfo.InvariantCulture), own.Text("expires"));
        var access = AccessEndpoint.Of(own);
        Assert.NotNull(access);
        Assert.Equal(("127.0.0.1", GpuAgentProcess.SshPort, GpuAgentProcess.SshUser), (access.Host, access.Port, access.User));
        Assert.Null(AccessEndpoint.Of((await api.GetUsageRightAsync(uid)).Json));
        var foreign = await api.GetUsageRightAsync(uid, stranger.Key);
        Assert.Equal((403, "not-the-user"), (foreign.Status, foreign.Problem?.Slug));
        var holder = (await api.GetAsync($"/api/accounts/{buyer.Address}")).Json;
        Assert.NotNull(holder.Holding("use", uid));
        Assert.Equal(await chain.TokenBalanceAsync("TestStablecoin", buyer.Address), holder.Balance(tusd));

        // After expiry and the dispute window the rental is settled (permissionless; a later issue's timer) and its
        // income released: a revenue holder claims exactly what the contract says it may.
        await steps.SettleAndReleaseAsync(uid, anyone);
        Assert.Equal(Zero, await chain.UserOfAsync(uid));
        var claimable = await chain.ClaimableAsync(vid, "TestStablecoin", investor.Address);
        Assert.True(claimable > 0);
        var investorBefore = await chain.TokenBalanceAsync("TestStablecoin", investor.Address);
        var claimed = await writes.CompleteAsync(await investor.Writes.ClaimRevenueAsync(vid, tusd));
        Assert.Equal("IncomeClaimed", claimed.Event);
        Assert.Equal(claimable.ToString(CultureInfo.InvariantCulture), claimed.Argument("amount"));
        Assert.Equal(claimable, await chain.TokenBalanceAsync("TestStablecoin", investor.Address) - investorBefore);
        Assert.Equal(BigInteger.Zero, await chain.ClaimableAsync(vid, "TestStablecoin", investor.Address));
        var revenue = (await api.GetAsync($"/api/accounts/{investor.Address}")).Json.Revenue(vid, tusd);
        Assert.NotNull(revenue);
        Assert.Equal(claimable, revenue.Value.Number("claimed"));
        Assert.Equal(BigInteger.Zero, revenue.Value.Number("claimable"));
    }

    private const string Zero = "0x0000000000000000000000000000000000000000";

    private static BigInteger Id(string text) => BigInteger.Parse(text, CultureInfo.InvariantCulture);
}
