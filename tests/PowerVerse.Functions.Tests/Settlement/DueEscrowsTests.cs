using System.Numerics;
using PowerVerse.Functions.Orchestrations.Settlement;
using PowerVerse.Functions.ReadModel.Writing;
using PowerVerse.Functions.Tests.Support;

namespace PowerVerse.Functions.Tests.Settlement;

/// <summary>The escrows the settlement timer finds: the writer keeps them under <c>escrowed</c> until settled, on Azurite.</summary>
public sealed class DueEscrowsTests(StoreFixture store) : IClassFixture<StoreFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task EndedBy_SalesEndingAroundNow_OnlyEndedUnsettledOnesEarliestFirst()
    {
        await SaleAsync(501, expires: 2_000, block: 50);
        await SaleAsync(502, expires: 1_000, block: 51);
        await SaleAsync(503, expires: 3_000, block: 52);
        await SaleAsync(504, expires: 1_500, block: 53);
        await store.Writer.UpdateUsageOrderAsync(504, "settled", 0, Sample.Event(54), None);
        await SaleAsync(505, expires: 1_200, block: 55);
        await store.Writer.RemoveUsageOrderAsync(505, None);

        var due = await new DueEscrows(store.Tables).EndedByAsync(2_000, 10, None);

        Assert.Equal(["502 ends 1000", "501 ends 2000"], due.Select(d => $"{d.Uid} ends {d.End}"));
    }

    [Fact]
    public async Task EndedBy_Refunded_StillDueUntilSettled()
    {
        await SaleAsync(601, expires: 100, block: 60);
        await store.Writer.UpdateUsageOrderAsync(601, "escrowed", 5, Sample.Event(61), None);
        var refunded = await new DueEscrows(store.Tables).EndedByAsync(100, 10, None);
        await store.Writer.UpdateUsageOrderAsync(601, "settled", 5, Sample.Event(62), None);
        var settled = await new DueEscrows(store.Tables).EndedByAsync(100, 10, None);

        Assert.Equal([new BigInteger(601)], refunded.Select(d => d.Uid));
        Assert.Empty(settled);
    }

    private Task SaleAsync(BigInteger uid, long expires, long block) =>
        store.Writer.AddUsageOrderAsync(
            new UsageOrderRecord(uid, uid, Sample.Buyer, Sample.Provider, Sample.Usd, 1_000, expires, 1, 3, DateTimeOffset.FromUnixTimeSeconds(expires - 60)),
            Sample.Event(block), None);
}
