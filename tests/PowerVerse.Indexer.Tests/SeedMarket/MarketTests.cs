using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PowerVerse.Chain.Contracts;
using PowerVerse.Functions.ReadModel.Queries;

namespace PowerVerse.Indexer.Tests.SeedMarket;

/// <summary>The UID and RID markets and their orders as the read model shows them and ComputeMarket holds them.</summary>
[Collection(SeedMarketGroup.Name)]
public sealed class MarketTests(SeedMarketFixture f)
{
    private readonly MarketQueries _market = f.Services.GetRequiredService<MarketQueries>();
    private readonly OrderQueries _orders = f.Services.GetRequiredService<OrderQueries>();

    [Fact]
    public async Task UsageMarket_ListsExactlyWhatTheMarketHasListed()
    {
        var listed = (await _market.UsageRightsAsync(new UsageMarketFilter(null, null, null, null, null, null, "price"), 50, null, CancellationToken.None)).Items;

        // Listed on chain: the order says so and its seller still owns the UID (a UID that moved lost its listing).
        var expected = new List<string>();
        foreach (var uid in f.Scenario.Uids)
        {
            var order = await f.Chain.OrderAsync(uid);
            if (order.State == MarketOrder.Listed && uid != f.Scenario.Uids[2] && Lower(await f.Chain.OwnerOfAsync("UsageRights", uid)) == Lower(order.Account))
            {
                expected.Add($"{uid}:{Lower(order.Account)}:{Lower(order.Token)}:{order.Price}");
            }
        }

        Assert.Equal([$"{f.Scenario.Uids[3]}:{Lower(f.Accounts.Provider.Address)}:{Lower(f.Accounts["PowerVerseCoin"])}:{80 * System.Numerics.BigInteger.Pow(10, 18)}"], expected);
        Assert.Equal(expected, listed.Select(l => $"{l.Uid}:{Lower(l.Seller)}:{Lower(l.Token)}:{l.Price}"));
        var spec = await f.Chain.ResourceAsync(f.Scenario.Vids[0]);
        Assert.Equal(((long)spec.GpuShareBps, (long)spec.MemoryMiB, 3_600L, 6L), (listed[0].GpuShareBps, listed[0].MemoryMiB, listed[0].DurationSeconds, listed[0].GpuModel));
    }

    [Fact]
    public async Task UsageOrders_RecordTheSaleAndItsSettlement()
    {
        var sale = Assert.Single((await _orders.UsageOrdersAsync(new OrderFilter(null, null, null), 50, null, CancellationToken.None)).Items);
        var uid = f.Scenario.Uids[0];
        var order = await f.Chain.OrderAsync(uid);

        Assert.Equal((uid.ToString(CultureInfo.InvariantCulture), Lower(order.Account), Lower(order.Token), order.Price.ToString(CultureInfo.InvariantCulture), (long)order.End),
            (sale.Uid, Lower(sale.Buyer), Lower(sale.Token), sale.Price, sale.Expires));
        Assert.Equal(Lower(f.Accounts.Provider.Address), Lower(sale.Seller));
        Assert.Equal((MarketOrder.Settled, "settled", order.Refunded.ToString(CultureInfo.InvariantCulture)), (order.State, sale.State, sale.Refunded));
        var mine = (await _orders.UsageOrdersAsync(new OrderFilter(f.Accounts.Buyer.Address, null, null), 50, null, CancellationToken.None)).Items;
        Assert.Equal([sale.Uid], mine.Select(o => o.Uid));
    }

    [Fact]
    public async Task RevenueMarket_ShowsWhatRemainsOfEachOpenListing()
    {
        var listed = (await _market.RevenueRightsAsync(new ShareMarketFilter(null, null, null, null), 50, null, CancellationToken.None)).Items;

        var expected = new List<string>();
        foreach (var id in f.Scenario.ShareListings)
        {
            var chain = await f.Chain.ShareListingAsync(id);
            if (!chain.Remaining.IsZero)
            {
                expected.Add($"{id}:{chain.Vid}:{Lower(chain.Seller)}:{Lower(chain.Token)}:{chain.Remaining}:{chain.UnitPrice}");
            }
        }

        Assert.Equal([$"{f.Scenario.ShareListings[0]}:{f.Scenario.Vids[0]}:{Lower(f.Accounts.Investor.Address)}:{Lower(f.Accounts["TestStablecoin"])}:100:1000000"], expected);
        Assert.Equal(expected, listed.Select(l => $"{l.ListingId}:{l.Vid}:{Lower(l.Seller)}:{Lower(l.Token)}:{l.Remaining}:{l.UnitPrice}"));
        Assert.Equal(("200", "1000"), (listed[0].Amount, listed[0].TotalShares));
    }

    [Fact]
    public async Task RevenueOrders_RecordEachPurchaseOfShares()
    {
        var bought = (await _orders.RevenueOrdersAsync(new OrderFilter(f.Accounts.Trader.Address, null, null), 50, null, CancellationToken.None)).Items;

        Assert.Equal(2, bought.Count);
        Assert.All(bought, o => Assert.Equal((f.Scenario.ShareListings[0].ToString(CultureInfo.InvariantCulture), "50", "50000000", Lower(f.Accounts.Investor.Address)),
            (o.ListingId, o.Amount, o.Cost, Lower(o.Seller))));
        Assert.True(bought[0].Time > bought[1].Time, "newest first");
    }

    private static string Lower(string address) => address.ToLowerInvariant();
}
