using System.Numerics;
using PowerVerse.Functions.ReadModel.Queries;
using PowerVerse.Views;
using PowerVerse.Functions.ReadModel.Writing;
using PowerVerse.Functions.Tests.Support;

namespace PowerVerse.Functions.Tests.ReadModel;

/// <summary>A market of 150 listings on Azurite: 120 on GPU model 5 in tUSD, 30 on model 6 in PVC, 3 of them ranked.</summary>
public sealed class MarketFixture : StoreFixture
{
    public static readonly IReadOnlyList<BigInteger> Model5Prices = Enumerable.Range(0, 120).Select(i => (BigInteger)((i * 7919 % 120) + 1) * BigInteger.Pow(10, 18)).ToList();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Task.WhenAll(Enumerable.Range(0, 120).Select(i => Writer.UpsertListingAsync(Sample.Listing(1000 + i, Model5Prices[i], 5), Sample.Event(100 + i), CancellationToken.None)));
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Writer.UpsertListingAsync(Sample.Listing(2000 + i, 10 + i, 6, Sample.Pvc), Sample.Event(300 + i), CancellationToken.None)));
        foreach (var (vid, rate) in new[] { (2000, 10_000), (2001, 30_000), (2002, 20_000) })
        {
            await Writer.UpsertResourceAsync(Sample.Resource(vid, vid, 0) with { GpuModel = 6 }, Sample.Event(400), CancellationToken.None);
            await Writer.UpsertProofAsync(Sample.Proof(vid * 10, vid, ProofStatus.Verified, rate, 1000), Sample.Event(401), CancellationToken.None);
            await Writer.RecomputeRankAsync(vid, Sample.Event(401), CancellationToken.None);
        }
    }
}

public sealed class MarketQueriesTests(MarketFixture market) : IClassFixture<MarketFixture>
{
    private readonly MarketQueries _queries = new(market.Tables);

    [Fact]
    public async Task UsageRights_GpuModelByPrice_PagesThroughAllInPriceOrder()
    {
        var filter = Filter(gpuModel: 5);
        var seen = new List<ListingView>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _queries.UsageRightsAsync(filter, 50, token, CancellationToken.None);
            Assert.True(page.Items.Count <= 50);
            seen.AddRange(page.Items);
            token = page.StorageToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(MarketFixture.Model5Prices.Order(), seen.Select(l => BigInteger.Parse(l.Price, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(120, seen.Select(l => l.Uid).Distinct().Count());
    }

    [Fact]
    public async Task UsageRights_PriceRange_BothEndsInclusive()
    {
        var low = BigInteger.Pow(10, 18) * 10;
        var high = BigInteger.Pow(10, 18) * 12;

        var page = await _queries.UsageRightsAsync(Filter(gpuModel: 5, minPrice: low, maxPrice: high), 50, null, CancellationToken.None);

        Assert.Equal(["10000000000000000000", "11000000000000000000", "12000000000000000000"], page.Items.Select(l => l.Price));
    }

    [Fact]
    public async Task UsageRights_TokenAndComputeType_OnlyMatchingListings()
    {
        var page = await _queries.UsageRightsAsync(Filter(computeType: 1, token: Sample.Pvc), 100, null, CancellationToken.None);

        Assert.Equal(30, page.Items.Count);
        Assert.All(page.Items, l => Assert.Equal((Sample.Pvc, 6L), (l.Token, l.GpuModel)));
        Assert.Empty((await _queries.UsageRightsAsync(Filter(computeType: 2), 50, null, CancellationToken.None)).Items);
        Assert.Empty((await _queries.UsageRightsAsync(Filter(gpuModel: 6, computeType: 2), 50, null, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task UsageRights_ByRankWithMinRank_BestFirst()
    {
        var page = await _queries.UsageRightsAsync(Filter(gpuModel: 6, minRank: 15_000, sort: "rank"), 50, null, CancellationToken.None);

        Assert.Equal(["2001", "2002"], page.Items.Select(l => l.Uid));
        Assert.Equal("2000", (await _queries.UsageRightsAsync(Filter(gpuModel: 6, sort: "rank"), 50, null, CancellationToken.None)).Items[2].Uid);
    }

    [Fact]
    public async Task UsageRights_RankSortWithPriceRange_FiltersOnPrice()
    {
        var page = await _queries.UsageRightsAsync(Filter(gpuModel: 6, minPrice: 11, maxPrice: 12, sort: "rank"), 50, null, CancellationToken.None);

        Assert.Equal(["2001", "2002"], page.Items.Select(l => l.Uid));
    }

    [Fact]
    public async Task UsageRights_InjectionInTokenFilter_RefusedBeforeStorage() =>
        await Assert.ThrowsAsync<ArgumentException>(() => _queries.UsageRightsAsync(Filter(token: "' or PartitionKey ne '"), 50, null, CancellationToken.None));

    private static UsageMarketFilter Filter(
        uint? computeType = null, uint? gpuModel = null, BigInteger? minPrice = null, BigInteger? maxPrice = null, string? token = null,
        BigInteger? minRank = null, string sort = "price") =>
        new(computeType, gpuModel, minPrice, maxPrice, token, minRank, sort);
}
