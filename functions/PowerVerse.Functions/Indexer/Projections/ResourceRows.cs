using System.Numerics;
using Microsoft.Extensions.Logging;
using PowerVerse.Chain.Events;
using PowerVerse.Functions.ReadModel.Writing;
using static PowerVerse.Functions.Indexer.Projections.ContractNames;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>
/// VIDs: every event that changes one — created, transferred, retired (burned), a UID bound or rented or retired, its
/// RID minted — rewrites the whole row from the chain at the event's block: owner, the live UID and when its rental
/// ends (expiry itself is read-time), the RID supply. A retired VID keeps its row, marked retired.
/// </summary>
internal sealed partial class ResourceRows(ChainReader chain, ReadModelWriter writer, AccountRows accounts, ILogger log)
{
    /// <summary>An event naming the VID as <c>vid</c>.</summary>
    public Task ChangedAsync(DecodedEvent e, CancellationToken cancellationToken) => RefreshAsync(e.Number("vid"), e, cancellationToken);

    public async Task TransferredAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        await accounts.TransferNftAsync(HoldingKinds.Resource, e, cancellationToken);
        await RefreshAsync(e.Number("tokenId"), e, cancellationToken);
    }

    public async Task RefreshAsync(BigInteger vid, DecodedEvent e, CancellationToken cancellationToken)
    {
        var block = e.BlockNumber;
        if (await chain.ResourceFactsAsync(vid, block) is not { } facts)
        {
            LogUnknown(vid, e.Name, (long)block);
            return;
        }

        var owner = await chain.OwnerOfAsync(ResourceRegistry, vid, block);
        var retired = owner is null;
        owner ??= await chain.LastOwnerAsync(ResourceRegistry, vid, block) ?? facts.Provider;
        var live = retired ? BigInteger.Zero : await chain.LiveUidAsync(vid, block);
        var expires = live.IsZero ? 0UL : (await chain.UsageRightAsync(live, block))?.Expires ?? 0UL;
        var supply = await chain.RevenueSupplyAsync(vid, block);
        var hardware = facts.Hardware;
        await writer.UpsertResourceAsync(new ResourceRecord(
            vid, hardware.Hid, owner, hardware.GpuModel, hardware.ComputeType, facts.GpuShareBps, facts.Vcpus, facts.MemoryMiB,
            facts.DiskGiB, live.IsZero ? null : live, (long)expires, supply, retired), e.Source(), cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "VID {Vid} of {Event} at block {Block} has no creation on chain; skipped")]
    private partial void LogUnknown(BigInteger vid, string @event, long block);
}
