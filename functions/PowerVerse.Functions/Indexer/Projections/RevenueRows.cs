using System.Numerics;
using PowerVerse.Chain.Events;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>
/// RID holdings and income (RevenueRights <c>TransferSingle</c>/<c>TransferBatch</c>, <c>IncomeDeposited</c>,
/// <c>IncomeClaimed</c>): for each account an event touches, its shares of the VID, and per income token what it can
/// claim at the event's block and everything it has claimed. Income streams in over the rental's duration (DESIGN §2),
/// so claimable is as of the last event that touched the account's row.
/// </summary>
internal sealed class RevenueRows(ChainReader chain, ReadModelWriter writer, AccountRows accounts, ReadModelLookup lookup)
{
    public async Task TransferSingleAsync(DecodedEvent e, CancellationToken cancellationToken) =>
        await TransferredAsync(e, [e.Number("id")], cancellationToken);

    public async Task TransferBatchAsync(DecodedEvent e, CancellationToken cancellationToken) =>
        await TransferredAsync(e, e.Numbers("ids"), cancellationToken);

    /// <summary>Income reached a VID: every holder's claimable changes.</summary>
    public async Task DepositedAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        var vid = e.Number("vid");
        foreach (var holder in await lookup.RevenueHoldersAsync(vid, cancellationToken))
        {
            await RefreshAsync(holder, vid, e, cancellationToken);
        }
    }

    public Task ClaimedAsync(DecodedEvent e, CancellationToken cancellationToken) =>
        RefreshAsync(e.Address("account"), e.Number("vid"), e, cancellationToken);

    private async Task TransferredAsync(DecodedEvent e, IReadOnlyList<BigInteger> vids, CancellationToken cancellationToken)
    {
        foreach (var vid in vids.Distinct())
        {
            foreach (var account in new[] { e.Address("from"), e.Address("to") }.Where(a => !ChainReader.IsZero(a)).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                await RefreshAsync(account, vid, e, cancellationToken);
            }
        }
    }

    private async Task RefreshAsync(string account, BigInteger vid, DecodedEvent e, CancellationToken cancellationToken)
    {
        var block = e.BlockNumber;
        var shares = await chain.RevenueSharesAsync(account, vid, block);
        await accounts.SetHoldingAsync(new HoldingRecord(account, HoldingKinds.RevenueRight, vid, shares), e, cancellationToken);
        foreach (var token in await chain.IncomeTokensAsync(vid, block))
        {
            var claimable = await chain.ClaimableAsync(vid, token, account, block);
            var claimed = await chain.ClaimedAsync(vid, token, account, block);
            await writer.SetRevenueAsync(new RevenueRecord(account, vid, token, shares, claimable, claimed), e.Source(), cancellationToken);
        }
    }
}
