using System.Globalization;
using Microsoft.DurableTask;
using Nethereum.Hex.HexConvertors.Extensions;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Errors;
using PowerVerse.Chain.Transactions;
using PowerVerse.Functions.Orchestrations.Relaying;

namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>
/// Refunds the buyer for the rental's proven downtime (<c>ComputeMarket.refund</c> from the challenger, key
/// <c>refund-&lt;uid&gt;-&lt;start&gt;</c>). Run again after a crash or a redelivery it finds the transaction journalled under
/// the key and only waits for it, so an order is refunded at most once. An order that was settled first (after the
/// dispute window anyone may settle) can no longer be refunded: that is the outcome <c>forfeited</c>, not a failure.
/// </summary>
[DurableTask(Name)]
public sealed class RefundActivity(SettlementChain chain, RelayOptions options) : TaskActivity<RefundActivity.Input, RefundOutcome>
{
    public const string Name = "Refund";

    public override async Task<RefundOutcome> RunAsync(TaskActivityContext context, Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var order = input.Order;
        if (await chain.JournalledAsync(order.RefundKey) is { } journalled)
        {
            return await OutcomeAsync(await chain.ConfirmAsync(journalled, options.ConfirmTimeout), input);
        }

        var state = await chain.OrderAsync(order.UidNumber);
        if (state.State == MarketOrder.Settled)
        {
            return await ForfeitedAsync();
        }

        if (state.Refunded > 0)
        {
            // One refund per order, for the whole rental, and only this workflow makes it: one on chain that this
            // journal does not hold was still this order's (a journal restored from elsewhere); never a second.
            var (block, _) = await chain.HeadAsync();
            return new RefundOutcome(RefundOutcome.AlreadyRefunded, state.Refunded.ToString(CultureInfo.InvariantCulture), input.Reason, null, block);
        }

        SettlementChain.Sent sent;
        try
        {
            sent = await chain.SendAsync(chain.Market, new RefundFunction
            {
                Uid = order.UidNumber, DowntimeSeconds = checked((ulong)input.DowntimeSeconds), Reason = input.Reason.HexToByteArray(),
            }, order.RefundKey, options.ConfirmTimeout);
        }
        catch (ContractRevertedException ex) when (ex.Error?.Name == "ComputeMarketAlreadySettled")
        {
            return await ForfeitedAsync();
        }
        catch (ContractRevertedException ex)
        {
            throw new WriteRejectedException($"The refund of UID {order.Uid} reverts: {ex.Error?.ToString() ?? ex.Message}", ex);
        }
        catch (TransactionRejectedException ex)
        {
            // Refused at sending though its estimate passed: the order changed in between.
            if ((await chain.OrderAsync(order.UidNumber)).State == MarketOrder.Settled)
            {
                return await ForfeitedAsync();
            }

            throw new WriteRejectedException($"The node refused the refund of UID {order.Uid}: {ex.Revert?.ToString() ?? ex.Message}", ex);
        }

        return await OutcomeAsync(sent, input);

        async Task<RefundOutcome> ForfeitedAsync()
        {
            var (block, _) = await chain.HeadAsync();
            return new RefundOutcome(RefundOutcome.Forfeited, "0", input.Reason, null, block);
        }
    }

    private async Task<RefundOutcome> OutcomeAsync(SettlementChain.Sent sent, Input input)
    {
        if (sent.Event("Refunded", "uid", input.Order.UidNumber) is { } refunded)
        {
            return new RefundOutcome(RefundOutcome.Refunded, refunded.Number("amount").ToString(CultureInfo.InvariantCulture), input.Reason, sent.TransactionHash, sent.Block);
        }

        // The key's transaction did not refund: it reverted (the order was settled before it ran), or its nonce was
        // filled after the node refused it.
        if ((await chain.OrderAsync(input.Order.UidNumber)).State == MarketOrder.Settled)
        {
            return new RefundOutcome(RefundOutcome.Forfeited, "0", input.Reason, sent.TransactionHash, sent.Block);
        }

        throw new WriteRejectedException($"Transaction {sent.TransactionHash}, journalled as {input.Order.RefundKey}, did not refund UID {input.Order.Uid} and the order is not settled.");
    }

    /// <summary>The order, its proven downtime (seconds, &gt; 0) and the refund's reason (0x, 32 bytes).</summary>
    public sealed record Input(SettlementInput Order, long DowntimeSeconds, string Reason);
}
