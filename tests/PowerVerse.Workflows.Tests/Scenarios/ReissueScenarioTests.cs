using System.Globalization;
using System.Numerics;
using PowerVerse.Client.Api;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Workflows.Tests.Scenarios;

/// <summary>
/// Seed 000, scenario 2 (重新发布使用权通证并在市场上销售), through the write API: once scenario 1's rental has ended, the
/// provider finds its free VID among its account's free resources, issues a new UID on it and lists it without new
/// revenue rights (the RID of the first listing stays the VID's), and a buyer buys it.
/// </summary>
/// <remarks>
/// The API judges expiry by the wall clock (read-time, DESIGN §2), so this test waits for a short rental to end rather
/// than move the chain's clock, on a stack of its own whose chain no other test has moved ahead. (Its chain is still a
/// minute or so ahead of the wall clock: the deploy script moves it past the governance timelock's delay.)
/// </remarks>
public sealed class ReissueScenarioTests(LocalStack stack, ITestOutputHelper output) : IClassFixture<LocalStack>
{
    private const uint FirstRental = 15;

    [Fact]
    public async Task Scenario2_FreeVidAfterExpiry_NewUidListedWithoutNewRevenueRightsAndBought()
    {
        var writes = new WriteRunner(stack, output);
        var steps = new MarketSteps(stack, writes);
        var chain = steps.Chain;
        var api = stack.Api;
        var (provider, buyer, secondBuyer) = (new Wallet(stack, 4), new Wallet(stack, 5), new Wallet(stack, 7));
        var tusd = steps.Token("TestStablecoin");

        // Scenario 1 up to the sale, with a short rental.
        var (_, vid, firstUid) = await steps.RentedResourceAsync(provider, buyer, [(provider.Address, 1_000)], FirstRental);
        var account = (await api.GetAsync($"/api/accounts/{provider.Address}")).Json;
        Assert.DoesNotContain(Text(vid), account.FreeResources());

        // The rental ends (on the wall clock the API reads, and on a block mined after it).
        var expires = (await chain.UsageRightAsync(firstUid)).Expires;
        var wait = DateTimeOffset.FromUnixTimeSeconds((long)expires) - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await stack.Clock.AdvanceAsync(1);
        Assert.Equal(BigInteger.Zero, await chain.LiveUidOfAsync(vid));

        // The provider finds the free VID in its account and issues a new UID on it.
        Assert.Contains(Text(vid), (await api.GetAsync($"/api/accounts/{provider.Address}")).Json.FreeResources());
        Assert.Equal("true", (await api.GetAsync($"/api/resources/{vid}")).Json.Text("free"));
        var issued = await writes.CompleteAsync(await provider.Writes.CreateUsageRightAsync(vid, 120));
        var uid = BigInteger.Parse(issued.Argument("uid"), CultureInfo.InvariantCulture);
        Assert.NotEqual(firstUid, uid);
        Assert.Equal(vid, (await chain.UsageRightAsync(uid)).Vid);
        Assert.DoesNotContain(Text(vid), (await api.GetAsync($"/api/accounts/{provider.Address}")).Json.FreeResources());

        // Its RID exists: a second first listing is refused before anything is sent; a plain listing mints nothing.
        var remint = await writes.RefusedAsync(await provider.Writes.ListWithRevenueRightsAsync(uid, tusd, 80 * MarketSteps.Usd, [(provider.Address, 1_000)]));
        Assert.Equal((422, "call-reverted"), (remint.Status, remint.Slug));
        Assert.NotNull(remint.Error);
        var listed = await writes.CompleteAsync(await provider.Writes.ListAsync(uid, tusd, 80 * MarketSteps.Usd));
        Assert.Equal("Listed", listed.Event);
        Assert.Equal(new BigInteger(1_000), await chain.ShareSupplyAsync(vid));
        Assert.Equal(new BigInteger(1_000), await chain.SharesAsync(vid, provider.Address));
        Assert.Equal("1000", (await api.GetAsync($"/api/resources/{vid}")).Json.Text("revenueShares"));
        Assert.Equal((80 * MarketSteps.Usd).ToString(CultureInfo.InvariantCulture), (await api.GetAsync($"/api/usage-rights/{uid}")).Json.GetProperty("listing").Text("price"));

        // A buyer buys the new UID and gets access.
        var bought = await steps.BuyAsync(secondBuyer, uid, "TestStablecoin", 80 * MarketSteps.Usd);
        Assert.Equal("Purchased", bought.Event);
        Assert.Equal(new AccessEndpoint("127.0.0.1", GpuAgentProcess.SshPort, GpuAgentProcess.SshUser), bought.Access);
        Assert.True(ApiJson.SameAddress(secondBuyer.Address, await chain.UserOfAsync(uid)));
        var own = (await api.GetUsageRightAsync(uid, secondBuyer.Key)).Json;
        Assert.NotNull(AccessEndpoint.Of(own));
        var earlier = await api.GetUsageRightAsync(firstUid, buyer.Key);
        Assert.Equal((403, "not-the-user"), (earlier.Status, earlier.Problem?.Slug));
    }

    private static string Text(BigInteger id) => id.ToString(CultureInfo.InvariantCulture);
}
