using System.Numerics;
using Microsoft.Extensions.Logging;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Events;
using PowerVerse.Functions.ReadModel.Writing;
using static PowerVerse.Functions.Indexer.Projections.ContractNames;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>
/// The UID market (ComputeMarket <c>Listed</c>, <c>Unlisted</c>, <c>Purchased</c>, <c>Settled</c>, <c>Refunded</c>):
/// listings with their resource's spec for the market screen, and the sale of each UID with its settlement.
/// </summary>
internal sealed partial class MarketRows(ChainReader chain, ReadModelWriter writer, ILogger log)
{
    public async Task ListedAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        var uid = e.Number("uid");
        if (await FactsAsync(uid, e) is not { } facts)
        {
            return;
        }

        var (resource, hardware) = (facts.Resource, facts.Resource.Hardware);
        await writer.UpsertListingAsync(new ListingRecord(
            uid, resource.Vid, hardware.Hid, e.Address("seller"), e.Address("token"), e.Number("price"), hardware.ComputeType,
            hardware.GpuModel, facts.DurationSeconds, resource.GpuShareBps, resource.Vcpus, resource.MemoryMiB, resource.DiskGiB,
            await chain.BlockTimeAsync(e.BlockNumber)), e.Source(), cancellationToken);
    }

    public Task UnlistedAsync(DecodedEvent e, CancellationToken cancellationToken) => writer.RemoveListingAsync(e.Number("uid"), cancellationToken);

    public async Task PurchasedAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        var uid = e.Number("uid");
        await writer.RemoveListingAsync(uid, cancellationToken);
        if (await FactsAsync(uid, e) is not { } facts)
        {
            return;
        }

        // A sale leaves the UID with its owner (the buyer becomes its ERC-4907 user), so the owner is the seller.
        var seller = await chain.OwnerOfAsync(UsageRights, uid, e.BlockNumber) ?? facts.Provider;
        var hardware = facts.Resource.Hardware;
        await writer.AddUsageOrderAsync(new UsageOrderRecord(
            uid, facts.Resource.Vid, e.Address("buyer"), seller, e.Address("token"), e.Number("price"), (long)e.Number("expires"),
            hardware.ComputeType, hardware.GpuModel, await chain.BlockTimeAsync(e.BlockNumber)), e.Source(), cancellationToken);
    }

    /// <summary><c>Settled</c> or <c>Refunded</c>: the sale's state and what was refunded, as the market holds them at the block.</summary>
    public async Task OrderChangedAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        var uid = e.Number("uid");
        var order = await chain.OrderAsync(uid, e.BlockNumber);
        var state = order.State == MarketOrder.Settled ? "settled" : "escrowed";
        await writer.UpdateUsageOrderAsync(uid, state, order.Refunded, e.Source(), cancellationToken);
    }

    private async Task<UsageRightFacts?> FactsAsync(BigInteger uid, DecodedEvent e)
    {
        var facts = await chain.UsageRightFactsAsync(uid, e.BlockNumber);
        if (facts is null)
        {
            LogUnknown(uid, e.Name, (long)e.BlockNumber);
        }

        return facts;
    }

    [LoggerMessage(LogLevel.Warning, "UID {Uid} of {Event} at block {Block} has no creation on chain; skipped")]
    private partial void LogUnknown(BigInteger uid, string @event, long block);
}
