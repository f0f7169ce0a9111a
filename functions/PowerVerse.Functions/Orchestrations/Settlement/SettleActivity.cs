using System.Globalization;
using Microsoft.DurableTask;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Errors;
using PowerVerse.Chain.Transactions;
using PowerVerse.Functions.Orchestrations.Relaying;

namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>
/// Settles the order (<c>ComputeMarket.settle</c> from the challenger, who alone may in the dispute window; key
/// <c>settle-&lt;uid&gt;-&lt;start&gt;</c>): the fee to the treasury, part of it burned when paid in PVC, the rest to the
/// VID's RID holders. Run again it only waits for the journalled transaction. An order someone else settled (anyone
/// may once the dispute window is over) is the outcome <c>already-settled</c>: the chain settles an order once.
/// </summary>
[DurableTask(Name)]
public sealed class SettleActivity(SettlementChain chain, RelayOptions options) : TaskActivity<SettlementInput, SettleOutcome>
{
    public const string Name = "Settle";

    public override async Task<SettleOutcome> RunAsync(TaskActivityContext context, SettlementInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await chain.JournalledAsync(input.SettleKey) is { } journalled)
        {
            return await OutcomeAsync(await chain.ConfirmAsync(journalled, options.ConfirmTimeout), input);
        }

        if ((await chain.OrderAsync(input.UidNumber)).State == MarketOrder.Settled)
        {
            return await AlreadySettledAsync();
        }

        SettlementChain.Sent sent;
        try
        {
            sent = await chain.SendAsync(chain.Market, new SettleFunction { Uid = input.UidNumber }, input.SettleKey, options.ConfirmTimeout);
        }
        catch (ContractRevertedException ex) when (ex.Error?.Name == "ComputeMarketAlreadySettled")
        {
            return await AlreadySettledAsync();
        }
        catch (ContractRevertedException ex)
        {
            throw new WriteRejectedException($"The settlement of UID {input.Uid} reverts: {ex.Error?.ToString() ?? ex.Message}", ex);
        }
        catch (TransactionRejectedException ex)
        {
            if ((await chain.OrderAsync(input.UidNumber)).State == MarketOrder.Settled)
            {
                return await AlreadySettledAsync();
            }

            throw new WriteRejectedException($"The node refused the settlement of UID {input.Uid}: {ex.Revert?.ToString() ?? ex.Message}", ex);
        }

        return await OutcomeAsync(sent, input);

        async Task<SettleOutcome> AlreadySettledAsync()
        {
            var (block, _) = await chain.HeadAsync();
            return new SettleOutcome(SettleOutcome.AlreadySettled, null, null, null, null, block);
        }
    }

    private async Task<SettleOutcome> OutcomeAsync(SettlementChain.Sent sent, SettlementInput input)
    {
        if (sent.Event("Settled", "uid", input.UidNumber) is { } settled)
        {
            return new SettleOutcome(SettleOutcome.Settled, Text(settled, "fee"), Text(settled, "burned"), Text(settled, "income"), sent.TransactionHash, sent.Block);
        }

        // The key's transaction did not settle: another account's settlement ran first.
        if ((await chain.OrderAsync(input.UidNumber)).State == MarketOrder.Settled)
        {
            return new SettleOutcome(SettleOutcome.AlreadySettled, null, null, null, null, sent.Block);
        }

        throw new WriteRejectedException($"Transaction {sent.TransactionHash}, journalled as {input.SettleKey}, did not settle UID {input.Uid} and the order is not settled.");
    }

    private static string Text(Chain.Events.DecodedEvent e, string name) => e.Number(name).ToString(CultureInfo.InvariantCulture);
}
