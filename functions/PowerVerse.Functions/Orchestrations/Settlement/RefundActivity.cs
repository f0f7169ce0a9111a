using System.Globalization;
using Microsoft.DurableTask;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using PowerVerse.Chain.Contracts;
using PowerVerse.Functions.Orchestrations.Relaying;

namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>
/// Refunds the buyer for the rental's proven downtime (<c>ComputeMarket.refund</c> from the challenger, key
/// <c>refund-&lt;uid&gt;-&lt;start&gt;</c>, see <see cref="ChainEffect{T}"/>). Run again after a crash or a redelivery it
/// finds the transaction journalled under the key and only waits for it, so an order is refunded at most once; a
/// refund already on chain is never repeated. An order that was settled first (after the dispute window anyone may
/// settle) can no longer be refunded: that is the outcome <c>forfeited</c>, not a failure.
/// </summary>
[DurableTask(Name)]
public sealed class RefundActivity(SettlementChain chain, RelayOptions options) : TaskActivity<RefundActivity.Input, RefundOutcome>
{
    public const string Name = "Refund";

    public override Task<RefundOutcome> RunAsync(TaskActivityContext context, Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var order = input.Order;
        var call = new RefundFunction { Uid = order.UidNumber, DowntimeSeconds = checked((ulong)input.DowntimeSeconds), Reason = input.Reason.HexToByteArray() };
        return new ChainEffect<RefundOutcome>(
            chain.Market, call.GetCallData(), order.RefundKey,
            sent => sent.Event("Refunded", "uid", order.UidNumber) is { } refunded
                ? new RefundOutcome(RefundOutcome.Refunded, refunded.Number("amount").ToString(CultureInfo.InvariantCulture), input.Reason, sent.TransactionHash, sent.Block)
                : null,
            async () =>
            {
                var state = await chain.OrderAsync(order.UidNumber);
                var (block, _) = await chain.HeadAsync();
                return state.State == MarketOrder.Settled ? new RefundOutcome(RefundOutcome.Forfeited, "0", input.Reason, null, block)
                    // One refund per order, for the whole rental, and only this workflow makes it: one on chain that this
                    // journal does not hold was still this order's (a journal restored from elsewhere); never a second.
                    : state.Refunded > 0 ? new RefundOutcome(RefundOutcome.AlreadyRefunded, state.Refunded.ToString(CultureInfo.InvariantCulture), input.Reason, null, block)
                    : null;
            },
            async refused => refused.Error?.Name == "ComputeMarketAlreadySettled"
                ? new RefundOutcome(RefundOutcome.Forfeited, "0", input.Reason, null, (await chain.HeadAsync()).Block)
                : throw new WriteRejectedException($"The refund of UID {order.Uid} reverts: {refused.Error?.ToString() ?? refused.Message}", refused))
            .MakeAsync(chain, options.ConfirmTimeout);
    }

    /// <summary>The order, its proven downtime (seconds, &gt; 0) and the refund's reason (0x, 32 bytes).</summary>
    public sealed record Input(SettlementInput Order, long DowntimeSeconds, string Reason);
}
