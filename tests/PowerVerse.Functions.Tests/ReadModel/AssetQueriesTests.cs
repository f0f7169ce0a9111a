using PowerVerse.Functions.ReadModel.Queries;
using PowerVerse.Functions.ReadModel.Writing;
using PowerVerse.Functions.Tests.Support;

namespace PowerVerse.Functions.Tests.ReadModel;

/// <summary>Scenario 2 on Azurite: which of a provider's VIDs are free, with expiry read at query time.</summary>
public sealed class AssetQueriesTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task Account_FreeResources_NoUidRetiredOrExpiredRental()
    {
        var ct = CancellationToken.None;
        var now = store.Time.Now.ToUnixTimeSeconds();
        await store.Writer.UpsertResourceAsync(Sample.Resource(1, boundUid: 1, expires: 0), Sample.Event(1), ct);          // listed, never rented: bound
        await store.Writer.UpsertResourceAsync(Sample.Resource(2, boundUid: 2, expires: now - 1), Sample.Event(1), ct);    // rental ended: free
        await store.Writer.UpsertResourceAsync(Sample.Resource(3, boundUid: null, expires: 0), Sample.Event(1), ct);       // never bound: free
        await store.Writer.UpsertResourceAsync(Sample.Resource(4, boundUid: 4, expires: now + 60), Sample.Event(1), ct);   // rented now: bound
        await store.Writer.UpsertResourceAsync(Sample.Resource(5, boundUid: null, expires: 0, retired: true), Sample.Event(1), ct);
        foreach (var vid in new[] { 1, 2, 3, 4, 5 })
        {
            await store.Writer.SetHoldingAsync(new HoldingRecord(Sample.Provider, HoldingKinds.Resource, vid, 1), Sample.Event(1), ct);
        }

        var queries = new AssetQueries(store.Tables, store.Time);
        var account = await queries.AccountAsync(Sample.Provider.ToLowerInvariant(), ct);

        Assert.Equal(Sample.Provider, account.Address);
        Assert.Equal(["2", "3"], account.FreeResources);
        store.Time.Now = store.Time.Now.AddMinutes(2);
        Assert.Equal(["2", "3", "4"], (await queries.AccountAsync(Sample.Provider, ct)).FreeResources);
        Assert.Equal("1", (await queries.ResourceAsync(1, ct))!.LiveUid);
    }
}
