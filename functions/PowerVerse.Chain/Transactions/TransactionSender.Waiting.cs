using System.Numerics;
using Nethereum.JsonRpc.Client;
using Nethereum.Model;
using Nethereum.RPC.Eth.DTOs;

namespace PowerVerse.Chain.Transactions;

public sealed partial class TransactionSender
{
    /// <summary>
    /// Waits until one of the entry's transactions has <paramref name="confirmations"/> blocks (default from the
    /// options), rebroadcasting it if it was never accepted and resubmitting with bumped fees when it is stuck.
    /// Returns the receipt (its <c>Status</c> says whether it succeeded).
    /// </summary>
    public async Task<TransactionReceipt> WaitForConfirmationsAsync(JournalEntry entry, int? confirmations = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var needed = Math.Max(1, confirmations ?? _options.Confirmations);
        var lastSubmitted = _time.GetUtcNow();
        while (true)
        {
            if (await FindReceiptAsync(entry) is { } receipt)
            {
                if (await BlockNumberAsync() - receipt.BlockNumber.Value + 1 >= needed)
                {
                    await UpdateAsync(entry with { State = JournalState.Confirmed }, cancellationToken);
                    return receipt;
                }
            }
            else if (entry.State == JournalState.Recorded)
            {
                entry = await BroadcastUnderLockAsync(entry, cancellationToken);
                lastSubmitted = _time.GetUtcNow();
            }
            else if (_time.GetUtcNow() - lastSubmitted >= _options.StuckAfter)
            {
                entry = await ResubmitAsync(entry, cancellationToken);
                lastSubmitted = _time.GetUtcNow();
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken);
        }
    }

    /// <summary>Replaces the entry's transaction by the same one at the same nonce with fees bumped (and at least the current suggestion).</summary>
    public async Task<JournalEntry> ResubmitAsync(JournalEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var current = Decode(entry);
        var suggested = await SuggestFeesAsync();
        var maxFee = BigInteger.Max(Bump(current.MaxFeePerGas!.Value), suggested.MaxFeePerGas!.Value);
        var priority = BigInteger.Max(Bump(current.MaxPriorityFeePerGas!.Value), suggested.MaxPriorityFeePerGas!.Value);
        if (_options.MaxFeePerGasCap is { } cap && maxFee > cap)
        {
            // At the cap already: keep waiting at the current price.
            return entry;
        }

        var replacement = NewEntry(
            new Transaction1559(current.ChainId, current.Nonce!.Value, priority, maxFee, current.GasLimit!.Value, current.ReceiverAddress, current.Amount ?? 0, current.Data, []),
            entry.AllHashes.ToArray()) with { Key = entry.Key };
        await _order.WaitAsync(cancellationToken);
        try
        {
            replacement = await _journal.UpdateAsync(replacement, cancellationToken);
            try
            {
                return await BroadcastAsync(replacement, fillOnRejection: false, cancellationToken);
            }
            catch (RpcResponseException ex) when (NodeErrors.IsUnderpriced(ex))
            {
                // The pool wants more: the next round bumps again from this price.
                return replacement with { State = JournalState.Sent };
            }
        }
        finally
        {
            _order.Release();
        }
    }

    /// <summary>Raised by at least the configured percentage plus one wei: nodes refuse a replacement with less (geth: 10 %).</summary>
    private BigInteger Bump(BigInteger fee) => (fee * (100 + _options.FeeBumpPercent) / 100) + 1;

    private async Task<JournalEntry> BroadcastUnderLockAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        await _order.WaitAsync(cancellationToken);
        try
        {
            return await BroadcastAsync(entry, fillOnRejection: true, cancellationToken);
        }
        finally
        {
            _order.Release();
        }
    }
}
