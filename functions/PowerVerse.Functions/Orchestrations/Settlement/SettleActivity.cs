using System.Globalization;
using Microsoft.DurableTask;
using Nethereum.Contracts;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Events;
using PowerVerse.Functions.Orchestrations.Relaying;

namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>
/// Settles the order (<c>ComputeMarket.settle</c> from the challenger, who alone may in the dispute window; key
/// <c>settle-&lt;uid&gt;-&lt;start&gt;</c>, see <see cref="ChainEffect{T}"/>): the fee to the treasury, part of it burned
/// when paid in PVC, the rest to the VID's RID holders. Run again it only waits for the journalled transaction. An
/// order someone else settled (anyone may once the dispute window is over) is the outcome <c>already-settled</c>: the
/// chain settles an order once.
/// </summary>
[DurableTask(Name)]
public sealed class SettleActivity(SettlementChain chain, RelayOptions options) : TaskActivity<SettlementInput, SettleOutcome>
{
    public const string Name = "Settle";

    public override Task<SettleOutcome> RunAsync(TaskActivityContext context, SettlementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ChainEffect<SettleOutcome>(
            chain.Market, new SettleFunction { Uid = input.UidNumber }.GetCallData(), input.SettleKey,
            sent => sent.Event("Settled", "uid", input.UidNumber) is { } settled
                ? new SettleOutcome(SettleOutcome.Settled, Text(settled, "fee"), Text(settled, "burned"), Text(settled, "income"), sent.TransactionHash, sent.Block)
                : null,
            async () => (await chain.OrderAsync(input.UidNumber)).State == MarketOrder.Settled ? await AlreadySettledAsync() : null,
            async refused => refused.Error?.Name == "ComputeMarketAlreadySettled"
                ? await AlreadySettledAsync()
                : throw new WriteRejectedException($"The settlement of UID {input.Uid} reverts: {refused.Error?.ToString() ?? refused.Message}", refused))
            .MakeAsync(chain, options.ConfirmTimeout);

        async Task<SettleOutcome> AlreadySettledAsync() =>
            new(SettleOutcome.AlreadySettled, null, null, null, null, (await chain.HeadAsync()).Block);
    }

    private static string Text(DecodedEvent e, string name) => e.Number(name).ToString(CultureInfo.InvariantCulture);
}
