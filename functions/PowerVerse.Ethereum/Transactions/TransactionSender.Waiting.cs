using PowerVerse.Ethereum.Rpc;
using PowerVerse.Ethereum.Signing;

namespace PowerVerse.Ethereum.Transactions;

public sealed partial class TransactionSender
{
    /// <summary>
    /// Waits until one of the entry's transactions has <paramref name="confirmations"/> blocks (default from the
    /// options), rebroadcasting it if it was never accepted and resubmitting with bumped fees when it is stuck.
    /// Returns the receipt (check <see cref="TransactionReceipt.Succeeded"/>).
    /// </summary>
    public async Task<TransactionReceipt> WaitForConfirmationsAsync(JournalEntry entry, int? confirmations = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var needed = Math.Max(1, confirmations ?? _options.Confirmations);
        var lastSubmitted = _time.GetUtcNow();
        while (true)
        {
            if (await FindReceiptAsync(entry, cancellationToken) is { } receipt)
            {
                var head = await _eth.BlockNumberAsync(cancellationToken);
                if (head - receipt.BlockNumber + 1 >= needed)
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

    /// <summary>Replaces the entry's transaction by the same one at the same nonce with fees bumped (and at least the current estimate).</summary>
    public async Task<JournalEntry> ResubmitAsync(JournalEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var current = TransactionDecoder.Decode(entry.RawTransaction).Transaction;
        var fees = new Eip1559Fees(current.MaxFeePerGas, current.MaxPriorityFeePerGas)
            .Bump(_options.FeeBumpPercent)
            .Max(await _fees.EstimateAsync(cancellationToken));
        if (_options.MaxFeePerGasCap is { } cap && fees.MaxFeePerGas > cap)
        {
            // At the cap already: keep waiting at the current price.
            return entry;
        }

        var replacement = NewEntry(
            current with { MaxFeePerGas = fees.MaxFeePerGas, MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas },
            entry.AllHashes.ToArray());
        await _order.WaitAsync(cancellationToken);
        try
        {
            await _journal.UpdateAsync(replacement, cancellationToken);
            try
            {
                return await BroadcastAsync(replacement, fillOnRejection: false, cancellationToken);
            }
            catch (RpcException ex) when (NodeErrors.IsUnderpriced(ex))
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
