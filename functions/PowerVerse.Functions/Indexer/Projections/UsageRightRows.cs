using System.Numerics;
using Microsoft.Extensions.Logging;
using PowerVerse.Chain.Events;
using PowerVerse.Functions.ReadModel.Writing;
using static PowerVerse.Functions.Indexer.Projections.ContractNames;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>
/// UIDs (UsageRights events): each event rewrites the UID's row from the chain at its block — owner, ERC-4907 user and
/// expiry — and the row of its VID, whose live UID it changes. A UID that moves or is retired leaves the market (the
/// contract drops its listing on transfer), and the buyer of one holds it as a <c>use</c> until it expires.
/// </summary>
internal sealed partial class UsageRightRows(ChainReader chain, ReadModelWriter writer, AccountRows accounts, ResourceRows resources, ILogger log)
{
    public async Task CreatedAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        await RefreshAsync(e.Number("uid"), e, cancellationToken);
        await resources.RefreshAsync(e.Number("vid"), e, cancellationToken);
    }

    public async Task RetiredAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        await writer.RemoveListingAsync(e.Number("uid"), cancellationToken);
        await CreatedAsync(e, cancellationToken);
    }

    public async Task TransferredAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        var uid = e.Number("tokenId");
        await accounts.TransferNftAsync(HoldingKinds.UsageRight, e, cancellationToken);
        if (!ChainReader.IsZero(e.Address("from")) && !ChainReader.IsZero(e.Address("to")))
        {
            await writer.RemoveListingAsync(uid, cancellationToken);
        }

        await RefreshAsync(uid, e, cancellationToken);
    }

    /// <summary>ERC-4907 <c>UpdateUser</c>: the sale made the buyer its user until <c>expires</c>.</summary>
    public async Task UserUpdatedAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        var uid = e.Number("tokenId");
        await accounts.SetHoldingAsync(new HoldingRecord(e.Address("user"), HoldingKinds.Use, uid, BigInteger.One, (long)e.Number("expires")), e, cancellationToken);
        if (await RefreshAsync(uid, e, cancellationToken) is { } vid)
        {
            await resources.RefreshAsync(vid, e, cancellationToken);
        }
    }

    /// <summary>Rewrites the UID's row; returns its VID (null when the UID is unknown on chain).</summary>
    private async Task<BigInteger?> RefreshAsync(BigInteger uid, DecodedEvent e, CancellationToken cancellationToken)
    {
        var block = e.BlockNumber;
        if (await chain.UsageRightFactsAsync(uid, block) is not { } facts)
        {
            LogUnknown(uid, e.Name, (long)block);
            return null;
        }

        var right = await chain.UsageRightAsync(uid, block);
        var owner = await chain.OwnerOfAsync(UsageRights, uid, block) ?? await chain.LastOwnerAsync(UsageRights, uid, block) ?? facts.Provider;
        var user = right is null || ChainReader.IsZero(right.User) ? null : right.User;
        var hardware = facts.Resource.Hardware;
        await writer.UpsertUsageRightAsync(new UsageRightRecord(
            uid, facts.Resource.Vid, hardware.Hid, owner, facts.Provider, facts.DurationSeconds, user, (long)(right?.Expires ?? 0),
            hardware.GpuModel, hardware.ComputeType, right is null), e.Source(), cancellationToken);
        return facts.Resource.Vid;
    }

    [LoggerMessage(LogLevel.Warning, "UID {Uid} of {Event} at block {Block} has no creation on chain; skipped")]
    private partial void LogUnknown(BigInteger uid, string @event, long block);
}
