using System.Numerics;
using PowerVerse.Chain.Events;
using PowerVerse.Functions.ReadModel.Writing;
using static PowerVerse.Functions.Indexer.Projections.ContractNames;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>
/// What accounts hold (ERC-721 owners, ERC-4907 users, RID shares) and their balances of the payment tokens (PVC and
/// the test stablecoin, the ones the indexer follows). Balances are kept for accounts the read model knows: each time an
/// account is given a holding its balances are read, and every Transfer of a known account updates them.
/// </summary>
internal sealed class AccountRows(ChainReader chain, ReadModelWriter writer, ReadModelLookup lookup)
{
    private readonly string[] _paymentTokens = new[] { PowerVerseCoin, TestStablecoin }
        .Where(chain.Manifest.Contracts.ContainsKey).Select(name => chain.Manifest[name]).ToArray();

    /// <summary>
    /// Sets what an account holds of one token (the zero address holds nothing). Holding something makes the account
    /// known, and its balances are read with it: whatever the account's earlier Transfers, its balance rows are then as
    /// of its latest holding or Transfer, however often the events are applied.
    /// </summary>
    public async Task SetHoldingAsync(HoldingRecord record, DecodedEvent e, CancellationToken cancellationToken)
    {
        if (ChainReader.IsZero(record.Account))
        {
            return;
        }

        await writer.SetHoldingAsync(record, e.Source(), cancellationToken);
        if (!record.Amount.IsZero)
        {
            foreach (var token in _paymentTokens)
            {
                await RefreshBalanceAsync(record.Account, token, e, cancellationToken);
            }
        }
    }

    /// <summary>ERC-721 <c>Transfer</c>: the token leaves <c>from</c> and reaches <c>to</c>.</summary>
    public async Task TransferNftAsync(string kind, DecodedEvent e, CancellationToken cancellationToken)
    {
        var id = e.Number("tokenId");
        await SetHoldingAsync(new HoldingRecord(e.Address("from"), kind, id, BigInteger.Zero), e, cancellationToken);
        await SetHoldingAsync(new HoldingRecord(e.Address("to"), kind, id, BigInteger.One), e, cancellationToken);
    }

    /// <summary>ERC-20 <c>Transfer</c> of a payment token: the balances of the known parties.</summary>
    public async Task TransferTokenAsync(DecodedEvent e, CancellationToken cancellationToken)
    {
        foreach (var account in new[] { e.Address("from"), e.Address("to") }.Where(a => !ChainReader.IsZero(a)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (await lookup.IsKnownAsync(account, cancellationToken))
            {
                await RefreshBalanceAsync(account, e.Contract, e, cancellationToken);
            }
        }
    }

    private async Task RefreshBalanceAsync(string account, string token, DecodedEvent e, CancellationToken cancellationToken)
    {
        var balance = await chain.TokenBalanceAsync(token, account, e.BlockNumber);
        var symbol = await chain.SymbolAsync(token, e.BlockNumber);
        await writer.SetBalanceAsync(new BalanceRecord(account, token, symbol, balance), e.Source(), cancellationToken);
    }
}
