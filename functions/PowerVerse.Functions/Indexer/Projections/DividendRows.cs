using System.Numerics;
using System.Text.Json;
using Nethereum.Hex.HexConvertors.Extensions;
using PowerVerse.Chain.Events;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>
/// Monthly dividends (DividendDistributor events): an epoch as the contract holds it at the event's block (posted,
/// re-posted, funded, reclaimed). An account's leaf and Merkle proof are the dividend orchestration's rows, not the
/// chain's: <c>DividendClaimed</c> only marks an existing leaf claimed.
/// </summary>
internal sealed class DividendRows(ChainReader chain, ReadModelWriter writer, ReadModelLookup lookup)
{
    public async Task EpochChangedAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        var epoch = e.Number("epoch");
        var state = await chain.EpochAsync(epoch, e.BlockNumber);
        await writer.UpsertDividendEpochAsync(new DividendEpochRecord(
            epoch, state.Period, state.Root.ToHex(true), state.Token, state.Total, state.ClaimDeadline != 0, (long)state.ClaimDeadline,
            state.Reclaimed), e.Source(), cancellationToken);
    }

    public async Task ClaimedAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        var (epoch, account) = (e.Number("epoch"), e.Address("account"));
        if (await lookup.DividendAsync(epoch, account, cancellationToken) is not { } leaf)
        {
            return;
        }

        var proof = JsonSerializer.Deserialize<string[]>(leaf.Proof) ?? [];
        await writer.UpsertDividendsAsync(
            [new DividendRecord(epoch, account, BigInteger.Parse(leaf.Amount, System.Globalization.CultureInfo.InvariantCulture), proof, Claimed: true)],
            e.Source(), cancellationToken);
    }
}
