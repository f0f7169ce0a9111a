using Microsoft.DurableTask;
using PowerVerse.Functions.Orchestrations.Relaying;

namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>
/// Settles one expired escrow with its SLA refund (DESIGN §2, SLA-backed escrow; §3, Settlement), started by the
/// settlement timer as <c>settle-&lt;uid&gt;-&lt;start&gt;</c>: wait until every challenge of the VID issued before the
/// rental's end has finished on chain (one still open finishes at its deadline, which the dispute window outlasts),
/// expiring those past their deadline → proven downtime inside the rental → refund it pro rata, if any → settle →
/// indexed. Every chain effect is keyed, so a crash or a redelivered activity never refunds or settles twice.
/// </summary>
/// <remarks>
/// The races, and why each ends in one refund (or none) and one settlement:
/// <list type="bullet">
/// <item>Two hosts or two ticks: the instance id is the order's, and a start finds the instance already there.</item>
/// <item>An activity run twice, or at once on two hosts: its transaction is journalled under its key; the second run
/// finds it and waits for it (<see cref="ChainEffect{T}"/>).</item>
/// <item>A challenge issued before the end still open: waited for until its deadline by the chain's clock, then
/// expired here if nobody did; the dispute window in force is never shorter than any proof deadline, so the refund
/// still comes before anyone else may settle.</item>
/// <item>Anyone settling after the dispute window: the chain refuses a refund of a settled order and settles an
/// order once, so a refund not yet made is <c>forfeited</c> and the settlement <c>already-settled</c> — outcomes, seen
/// only when this workflow could not run for the whole window (the platform down). Before the window ends nobody but
/// the challenger may settle, and the workflow refunds before it settles.</item>
/// <item>Proofs finishing after the end: only their issue time matters, and only those issued before the end count;
/// the read model is brought up to a head past the end before it is read, and the chain is asked about any challenge it
/// still shows open.</item>
/// </list>
/// </remarks>
public sealed class SettlementOrchestrator : TaskOrchestrator<SettlementInput, SettlementOutput>
{
    public const string Name = "Settlement";

    /// <summary>
    /// Transient faults (node or storage briefly unreachable, a confirmation wait that timed out) are retried for about
    /// twelve minutes, well within the dispute window; a refusal for good (<see cref="WriteRejectedException"/>) fails
    /// the workflow at once, and the timer starts it again later.
    /// </summary>
    private static readonly TaskOptions Retry =
        new(new TaskRetryOptions(new RetryPolicy(12, TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(2))
        {
            HandleFailure = failure => !failure.IsCausedBy<WriteRejectedException>(),
        }));

    public override async Task<SettlementOutput> RunAsync(TaskOrchestrationContext context, SettlementInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var proofs = await ProofsFinishedAsync(context, input);

        var refund = new RefundOutcome(RefundOutcome.None, "0", null, null, proofs.HeadBlock);
        if (!proofs.Settled && proofs.DowntimeSeconds > 0)
        {
            context.SetCustomStatus(SettlementSteps.Refunding);
            refund = await RelaySteps.CallAsync<RefundOutcome>(
                context, RefundActivity.Name, new RefundActivity.Input(input, proofs.DowntimeSeconds, proofs.Reason!), Retry);
        }

        context.SetCustomStatus(SettlementSteps.Settling);
        var settlement = await RelaySteps.CallAsync<SettleOutcome>(context, SettleActivity.Name, input, Retry);

        context.SetCustomStatus(SettlementSteps.Indexing);
        await RelaySteps.CallAsync<long>(context, IndexActivity.Name, Math.Max(refund.Block, settlement.Block), Retry);
        context.SetCustomStatus(SettlementSteps.Done);
        return new SettlementOutput(input.Uid, input.Vid, input.Start, input.End, proofs.DowntimeSeconds, proofs.MissedChallenges, refund, settlement);
    }

    private static async Task<RentalProofsState> ProofsFinishedAsync(TaskOrchestrationContext context, SettlementInput input)
    {
        var expiryRounds = 0;
        while (true)
        {
            context.SetCustomStatus(SettlementSteps.AwaitingProofs);
            var state = await RelaySteps.CallAsync<RentalProofsState>(context, SettlementProofsActivity.Name, input, Retry);
            if (state.ToExpire.Count > 0)
            {
                if (expiryRounds++ > 0)
                {
                    // Expired once already and still open: give the chain and the indexer a moment before trying again.
                    await context.CreateTimer(TimeSpan.FromSeconds(10), CancellationToken.None);
                }

                context.SetCustomStatus(SettlementSteps.ExpiringChallenges);
                foreach (var challenge in state.ToExpire)
                {
                    await RelaySteps.CallAsync<long>(context, SettlementExpireActivity.Name, challenge, Retry);
                }

                continue;
            }

            if (state.WaitSeconds > 0)
            {
                await context.CreateTimer(TimeSpan.FromSeconds(state.WaitSeconds), CancellationToken.None);
                continue;
            }

            return state;
        }
    }
}
