using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.ReadModel.Writing;
using PowerVerse.Functions.Tests.Support;

namespace PowerVerse.Functions.Tests.Http;

/// <summary>The local host process with a seeded read model: seed 000's scenarios as the indexer would have written them.</summary>
public sealed class ReadApiFixture : ApiHostFixture
{
    public const int Model5Listings = 70;

    protected override async Task SeedAsync()
    {
        var (w, ct) = (Writer, CancellationToken.None);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await Sample.SeedDaoAsync(w);
        await w.UpsertHardwareAsync(new HardwareRecord(1, Sample.Provider.ToLowerInvariant(), Sample.Provider, Sample.Agent, 3, 1, Sample.DeviceHash, 16, 65536, 1000, 0), Sample.Event(10), ct);
        await w.UpsertResourceAsync(Sample.Resource(1, boundUid: 1, expires: 0), Sample.Event(11), ct);
        await w.UpsertResourceAsync(Sample.Resource(2, boundUid: 2, expires: now - 3600), Sample.Event(11, 1), ct);
        await w.UpsertResourceAsync(Sample.Resource(3, boundUid: 5, expires: now + 3600), Sample.Event(11, 2), ct);
        await w.UpsertUsageRightAsync(new UsageRightRecord(1, 1, 1, Sample.Provider, Sample.Provider, 3600, null, 0, 3, 1, false), Sample.Event(12), ct);
        await w.UpsertUsageRightAsync(new UsageRightRecord(5, 3, 1, Sample.Provider, Sample.Provider, 7200, Sample.Buyer, now + 3600, 3, 1, false), Sample.Event(13), ct);
        await w.UpsertListingAsync(Sample.Listing(1, 100, 3) with { Vid = 1, Hid = 1 }, Sample.Event(14), ct);
        foreach (var (kind, id, amount) in new[] { (HoldingKinds.Hardware, 1, 1), (HoldingKinds.Resource, 1, 1), (HoldingKinds.Resource, 2, 1), (HoldingKinds.Resource, 3, 1), (HoldingKinds.UsageRight, 1, 1), (HoldingKinds.RevenueRight, 1, 600) })
        {
            await w.SetHoldingAsync(new HoldingRecord(Sample.Provider, kind, id, amount), Sample.Event(15), ct);
        }

        await w.SetHoldingAsync(new HoldingRecord(Sample.Buyer, HoldingKinds.Use, 5, 1, now + 3600), Sample.Event(16), ct);
        await w.SetBalanceAsync(new BalanceRecord(Sample.Provider, Sample.Usd, "tUSD", Sample.Huge), Sample.Event(17), ct);
        await w.SetRevenueAsync(new RevenueRecord(Sample.Provider, 1, Sample.Usd, 600, 57, 3), Sample.Event(18), ct);
        await w.AddUsageOrderAsync(new UsageOrderRecord(5, 3, Sample.Buyer, Sample.Provider, Sample.Usd, 250, now + 3600, 1, 3, DateTimeOffset.Parse("2026-11-28T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), Sample.Event(19), ct);
        await w.UpsertShareListingAsync(new ShareListingRecord(1, 1, Sample.Provider, Sample.Usd, 100, 60, 5, 1, 3, 1000), Sample.Event(20), ct);
        await w.AddRevenueOrderAsync(new RevenueOrderRecord(1, 1, Sample.Holder, Sample.Provider, Sample.Usd, 40, 5, 200, DateTimeOffset.Parse("2026-11-28T13:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), Sample.Event(21), ct);
        await w.UpsertProofAsync(Sample.Proof(7, 1, ProofStatus.Verified, 1_048_576, 500), Sample.Event(22), ct);
        await w.UpsertProofAsync(Sample.Proof(8, 1, ProofStatus.Verified, 1_048_576, 1000), Sample.Event(23), ct);
        await w.RecomputeRankAsync(1, Sample.Event(23), ct);
        await w.UpsertDividendEpochAsync(new DividendEpochRecord(1, 202611, "0x" + new string('a', 64), Sample.Pvc, 1000, true, 1_800_000_000, false), Sample.Event(24), ct);
        await w.UpsertDividendsAsync([new DividendRecord(1, Sample.Holder, 400, ["0x" + new string('b', 64), "0x" + new string('c', 64)], false)], ChainEvent.None, ct);
        await Task.WhenAll(Enumerable.Range(0, Model5Listings).Select(i => w.UpsertListingAsync(Sample.Listing(100 + i, (i * 37 % Model5Listings) + 1, 5), Sample.Event(100 + i), ct)));
    }
}

[CollectionDefinition(Name)]
public sealed class ReadApiGroup : ICollectionFixture<ReadApiFixture>
{
    public const string Name = "read api";
}
