using Azure.Data.Tables;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.ReadModel.Entities;
using PowerVerse.Functions.ReadModel.Writing;
using PowerVerse.Functions.Tests.Support;

namespace PowerVerse.Functions.Tests.ReadModel;

/// <summary>The writer's idempotent upserts and retractions, on Azurite.</summary>
public sealed class ReadModelWriterTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task UpsertListing_Twice_SameSixIndexRowsAndOneListing()
    {
        await store.Writer.UpsertListingAsync(Sample.Listing(101, 500, 3), Sample.Event(10), None);
        await store.Writer.UpsertListingAsync(Sample.Listing(101, 500, 3), Sample.Event(10), None);

        var rows = await MarketRowsAsync("101");
        Assert.Equal(6, rows.Count);
        Assert.Equal(["price:all", "price:g0000000003", "price:t0000000001", "rank:all", "rank:g0000000003", "rank:t0000000001"], rows.Select(r => r.PartitionKey).Order());
        Assert.All(rows, r => Assert.Equal(10, r.Block));
        Assert.NotNull(await Find<ListingEntity>(store.Tables.Listings, "101"));
    }

    [Fact]
    public async Task UpsertListing_NewPrice_OldIndexRowsGone()
    {
        await store.Writer.UpsertListingAsync(Sample.Listing(102, 500, 3), Sample.Event(11), None);
        await store.Writer.UpsertListingAsync(Sample.Listing(102, 700, 4), Sample.Event(12), None);

        var rows = await MarketRowsAsync("102");
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal("700", r.Price));
        Assert.DoesNotContain(rows, r => r.PartitionKey.EndsWith("g0000000003", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RemoveListing_Twice_EveryRowGoneNoError()
    {
        await store.Writer.UpsertListingAsync(Sample.Listing(103, 5, 2), Sample.Event(13), None);

        await store.Writer.RemoveListingAsync(103, None);
        await store.Writer.RemoveListingAsync(103, None);

        Assert.Empty(await MarketRowsAsync("103"));
        Assert.Null(await Find<ListingEntity>(store.Tables.Listings, "103"));
    }

    [Fact]
    public async Task RecomputeRank_AfterProofs_RanksAndResortsTheListing()
    {
        await store.Writer.UpsertResourceAsync(Sample.Resource(104, boundUid: 104, expires: 0), Sample.Event(14), None);
        await store.Writer.UpsertListingAsync(Sample.Listing(104, 900, 3), Sample.Event(14, 1), None);
        await store.Writer.UpsertProofAsync(Sample.Proof(1041, 104, ProofStatus.Verified, 1_048_576, 1000, issuedAt: 1000, finishedAt: 1002), Sample.Event(15), None);
        await store.Writer.UpsertProofAsync(Sample.Proof(1042, 104, ProofStatus.Expired, 0, 0, issuedAt: 1600, finishedAt: 2201), Sample.Event(16), None);

        await store.Writer.RecomputeRankAsync(104, Sample.Event(16), None);
        await store.Writer.RecomputeRankAsync(104, Sample.Event(16), None);

        // Span [1000, 2201] with 601 s down (the miss until the end): uptime floor(10000 · 600 / 1201) = 4995, success 5000,
        // score floor(1,048,576 · 5000 · 4995 / 10^8).
        var rank = await Find<RankEntity>(store.Tables.Ranks, "104");
        Assert.Equal(("261881", "1048576", 5_000, 4_995, 1, 1), (rank!.Score, rank.HashRate, rank.SuccessBps, rank.UptimeBps, rank.Verified, rank.Missed));
        Assert.Equal((1000L, 2201L, 601L), (rank.WindowFrom, rank.WindowTo, rank.DowntimeSeconds));
        var board = await Rows<RankEntity>(store.Tables.RankBoard, TableClient.CreateQueryFilter($"Vid eq {"104"}"));
        Assert.Equal(["0000000001", "all"], board.Select(b => b.PartitionKey).Order());
        var listing = await MarketRowsAsync("104");
        Assert.All(listing, l => Assert.Equal("261881", l.RankScore));
        Assert.Equal(6, listing.Count);
    }

    [Fact]
    public async Task UpsertShareListing_PartialFillThenNothingLeft_UpdatedThenRemoved()
    {
        var listing = new ShareListingRecord(105, 1, Sample.Holder, Sample.Usd, 100, 100, 5, 1, 3, 1000);
        await store.Writer.UpsertShareListingAsync(listing, Sample.Event(17), None);
        await store.Writer.UpsertShareListingAsync(listing with { Remaining = 40 }, Sample.Event(18), None);

        var rows = await Rows<ShareListingEntity>(store.Tables.ShareMarket, TableClient.CreateQueryFilter($"ListingId eq {"105"}"));
        Assert.Equal([("40", 18L), ("40", 18L)], rows.Select(r => (r.Remaining, r.Block)));

        await store.Writer.UpsertShareListingAsync(listing with { Remaining = 0 }, Sample.Event(19), None);
        Assert.Empty(await Rows<ShareListingEntity>(store.Tables.ShareMarket, TableClient.CreateQueryFilter($"ListingId eq {"105"}")));
        Assert.Null(await Find<ShareListingEntity>(store.Tables.ShareListings, "105"));
    }

    [Fact]
    public async Task UsageOrder_AddSettleRemove_EveryCopyFollows()
    {
        var order = new UsageOrderRecord(106, 106, Sample.Buyer, Sample.Provider, Sample.Usd, 900, 1_800_000_000, 1, 3, store.Time.Now);
        await store.Writer.AddUsageOrderAsync(order, Sample.Event(20, 2), None);
        await store.Writer.UpdateUsageOrderAsync(106, "settled", 50, Sample.Event(30), None);

        var rows = await Rows<UsageOrderEntity>(store.Tables.UsageOrders, TableClient.CreateQueryFilter($"Uid eq {"106"}"));
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(("settled", "50", 30L), (r.State, r.Refunded, r.Block)));
        Assert.Contains(rows, r => r.PartitionKey == Keys.Account(Sample.Buyer) && r.RowKey == Keys.NewestFirst(20, 2));

        await store.Writer.RemoveUsageOrderAsync(106, None);
        Assert.Empty(await Rows<UsageOrderEntity>(store.Tables.UsageOrders, TableClient.CreateQueryFilter($"Uid eq {"106"}")));
    }

    [Fact]
    public async Task SetHolding_ZeroAmount_DeletesTheRow()
    {
        var holding = new HoldingRecord(Sample.Holder, HoldingKinds.RevenueRight, 107, 250);
        await store.Writer.SetHoldingAsync(holding, Sample.Event(21), None);
        Assert.Single(await Rows<HoldingEntity>(store.Tables.Holdings, TableClient.CreateQueryFilter($"TokenId eq {"107"}")));

        await store.Writer.SetHoldingAsync(holding with { Amount = 0 }, Sample.Event(22), None);
        Assert.Empty(await Rows<HoldingEntity>(store.Tables.Holdings, TableClient.CreateQueryFilter($"TokenId eq {"107"}")));
    }

    [Fact]
    public async Task UpsertDividends_250Leaves_WrittenInBatches()
    {
        var leaves = Enumerable.Range(1, 250).Select(i => new DividendRecord(108, "0x" + i.ToString("x40", System.Globalization.CultureInfo.InvariantCulture), i, ["0x" + new string('a', 64)], false)).ToList();

        await store.Writer.UpsertDividendsAsync(leaves, ChainEvent.None, None);

        Assert.Equal(250, (await Rows<DividendEntity>(store.Tables.Dividends, TableClient.CreateQueryFilter($"PartitionKey eq {"108"}"))).Count);
    }

    [Fact]
    public async Task RowsWrittenSince_AReorgPoint_FindsOnlyLaterRows()
    {
        await store.Writer.UpsertHardwareAsync(new HardwareRecord(109, Sample.Provider, Sample.Provider, Sample.Agent, 3, 1, Sample.DeviceHash, 16, 65536, 0, 0), Sample.Event(5_000), None);
        await store.Writer.UpsertListingAsync(Sample.Listing(109, 1, 3), Sample.Event(5_001), None);

        var rows = new List<(string Table, string PartitionKey, string RowKey)>();
        await foreach (var row in store.Writer.RowsWrittenSinceAsync(5_001, None))
        {
            rows.Add(row);
        }

        Assert.Equal(7, rows.Count);
        Assert.DoesNotContain(rows, r => r.Table == ReadModelTables.HardwareName);
    }

    private async Task<List<ListingEntity>> MarketRowsAsync(string uid)
    {
        var rows = new List<ListingEntity>();
        foreach (var name in (await store.Tables.NamesAsync(None)).Where(n => n.StartsWith(ReadModelTables.MarketPrefix, StringComparison.Ordinal)))
        {
            rows.AddRange(await Rows<ListingEntity>(store.Tables.Service.GetTableClient(name), TableClient.CreateQueryFilter($"Uid eq {uid}")));
        }

        return rows;
    }

    private static async Task<List<T>> Rows<T>(TableClient table, string filter)
        where T : class, ITableEntity, new()
    {
        var rows = new List<T>();
        await foreach (var row in table.QueryAsync<T>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static Task<T?> Find<T>(TableClient table, string partitionKey)
        where T : class, ITableEntity => ReadModelTables.FindAsync<T>(table, partitionKey, string.Empty, None);
}
