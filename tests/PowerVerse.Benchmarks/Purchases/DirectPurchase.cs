using System.Diagnostics;

namespace PowerVerse.Benchmarks.Purchases;

/// <summary>The reference: the buyer's own <c>ComputeMarket.buy</c> to the node, latency from signing to its receipt.</summary>
internal static class DirectPurchase
{
    public static async Task<PurchaseSample> BuyAsync(Buyer buyer, Listing listing)
    {
        ArgumentNullException.ThrowIfNull(buyer);
        var start = Stopwatch.GetTimestamp();
        await buyer.BuyDirectAsync(listing);
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return new PurchaseSample(ms, [("buy+receipt", ms)]);
    }
}
