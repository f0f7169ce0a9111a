using System.Numerics;
using Microsoft.Extensions.Logging;
using PowerVerse.Chain.Events;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>
/// The RID market (ComputeMarket <c>SharesListed</c>, <c>SharesPurchased</c>, <c>ShareListingCancelled</c>): a listing
/// with what remains of it at the event's block (nothing remaining removes it), and each purchase as an order.
/// </summary>
internal sealed partial class ShareRows(ChainReader chain, ReadModelWriter writer, ILogger log)
{
    public Task ListedAsync(DecodedEvent e, CancellationToken cancellationToken) => RefreshAsync(e, cancellationToken);

    public async Task PurchasedAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        if (await RefreshAsync(e, cancellationToken) is not { } terms)
        {
            return;
        }

        await writer.AddRevenueOrderAsync(new RevenueOrderRecord(
            terms.ListingId, terms.Vid, e.Address("buyer"), terms.Seller, terms.Token, e.Number("amount"), terms.UnitPrice,
            e.Number("cost"), await chain.BlockTimeAsync(e.BlockNumber)), e.Source(), cancellationToken);
    }

    public Task CancelledAsync(DecodedEvent e, CancellationToken cancellationToken) => writer.RemoveShareListingAsync(e.Number("listingId"), cancellationToken);

    private async Task<ShareListingFacts?> RefreshAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        var (id, block) = (e.Number("listingId"), e.BlockNumber);
        if (await chain.ShareListingFactsAsync(id, block) is not { } terms)
        {
            LogUnknown(id, e.Name, (long)block);
            return null;
        }

        var remaining = (await chain.ShareListingAsync(id, block)).Remaining;
        var hardware = (await chain.ResourceFactsAsync(terms.Vid, block))?.Hardware;
        await writer.UpsertShareListingAsync(new ShareListingRecord(
            id, terms.Vid, terms.Seller, terms.Token, terms.Amount, remaining, terms.UnitPrice, hardware?.ComputeType ?? 0,
            hardware?.GpuModel ?? 0, await chain.RevenueSupplyAsync(terms.Vid, block)), e.Source(), cancellationToken);
        return terms;
    }

    [LoggerMessage(LogLevel.Warning, "RID listing {ListingId} of {Event} at block {Block} was never listed on chain; skipped")]
    private partial void LogUnknown(BigInteger listingId, string @event, long block);
}
