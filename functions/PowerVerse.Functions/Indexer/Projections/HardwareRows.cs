using System.Numerics;
using Microsoft.Extensions.Logging;
using PowerVerse.Chain.Events;
using PowerVerse.Functions.ReadModel.Writing;
using static PowerVerse.Functions.Indexer.Projections.ContractNames;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>
/// HIDs: <c>HardwareRegistered</c>, <c>AgentChanged</c>, ERC-721 <c>Transfer</c> and the staking events each rewrite
/// the whole row from the chain at the event's block — owner, agent, active stake, everything slashed so far.
/// </summary>
internal sealed partial class HardwareRows(ChainReader chain, ReadModelWriter writer, AccountRows accounts, ILogger log)
{
    /// <summary>An event naming the HID as <c>hid</c> (registry and staking events).</summary>
    public Task ChangedAsync(DecodedEvent e, CancellationToken cancellationToken) => RefreshAsync(e.Number("hid"), e, cancellationToken);

    public async Task TransferredAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        await accounts.TransferNftAsync(HoldingKinds.Hardware, e, cancellationToken);
        await RefreshAsync(e.Number("tokenId"), e, cancellationToken);
    }

    private async Task RefreshAsync(BigInteger hid, DecodedEvent e, CancellationToken cancellationToken)
    {
        var block = e.BlockNumber;
        if (await chain.HardwareFactsAsync(hid, block) is not { } facts)
        {
            LogUnknown(hid, e.Name, (long)block);
            return;
        }

        var agent = (await chain.HardwareAsync(hid, block))?.Agent ?? ChainReader.ZeroAddress;
        var owner = await chain.OwnerOfAsync(HardwareRegistry, hid, block) ?? facts.Provider;
        var stake = await chain.StakeAsync(hid, block);
        var slashed = await chain.SlashedAsync(hid, block);
        await writer.UpsertHardwareAsync(new HardwareRecord(
            hid, owner, facts.Provider, agent, facts.GpuModel, facts.ComputeType, facts.DeviceHash, facts.Vcpus, facts.MemoryMiB,
            stake.Amount, slashed), e.Source(), cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "HID {Hid} of {Event} at block {Block} has no registration on chain; skipped")]
    private partial void LogUnknown(BigInteger hid, string @event, long block);
}
