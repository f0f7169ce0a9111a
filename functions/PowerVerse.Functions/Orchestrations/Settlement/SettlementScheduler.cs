using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PowerVerse.Chain.Contracts;

namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>
/// Starts one <see cref="SettlementOrchestrator"/> per escrow whose rental has ended by the chain's clock. Candidates
/// come from the read model; each is checked against the chain (still escrowed, ended). The instance id
/// <c>settle-&lt;uid&gt;-&lt;start&gt;</c> makes every start after the first a no-op, however many hosts or ticks try. A
/// settlement that failed (a refusal no retry could mend) is started again after <see cref="RestartFailedAfter"/>: its
/// effects are keyed, so a new run only finishes what the last one left.
/// </summary>
public sealed partial class SettlementScheduler(SettlementChain chain, DueEscrows escrows, TimeProvider time, ILogger<SettlementScheduler> log)
{
    /// <summary>At most this many candidates per run; the next run takes the rest.</summary>
    public const int MaxPerRun = 500;

    public static readonly TimeSpan RestartFailedAfter = TimeSpan.FromMinutes(10);

    private static readonly OrchestrationRuntimeStatus[] Running =
        [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended, OrchestrationRuntimeStatus.Completed];

    /// <summary>Starts the settlements due now; returns how many it started.</summary>
    public async Task<int> StartDueAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (_, now) = await chain.HeadAsync();
        var started = 0;
        foreach (var (uid, vid, _) in await escrows.EndedByAsync(now, MaxPerRun, cancellationToken))
        {
            var order = await chain.OrderAsync(uid);
            if (order.State != MarketOrder.Escrowed || (long)order.End > now)
            {
                // Settled already (the read model has not caught up), or a row the chain does not confirm.
                continue;
            }

            var input = new SettlementInput(uid.ToString(CultureInfo.InvariantCulture), vid.ToString(CultureInfo.InvariantCulture), (long)order.Start, (long)order.End);
            if (await StartAsync(client, input, cancellationToken))
            {
                started++;
            }
        }

        return started;
    }

    private async Task<bool> StartAsync(DurableTaskClient client, SettlementInput input, CancellationToken cancellationToken)
    {
        var id = input.InstanceId;
        if (await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is { } existing)
        {
            if (existing.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
                || time.GetUtcNow() - existing.LastUpdatedAt < RestartFailedAfter)
            {
                return false;
            }

            LogRestarting(id, existing.RuntimeStatus.ToString());
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                SettlementOrchestrator.Name, input, new StartOrchestrationOptions(id).WithDedupeStatuses(Running), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another host or tick started it first: that start is this one.
            if (await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is { RuntimeStatus: not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated) })
            {
                return false;
            }

            throw;
        }

        LogStarted(id, input.End);
        return true;
    }

    [LoggerMessage(LogLevel.Information, "Settlement {InstanceId} started (rental ended at {End})")]
    private partial void LogStarted(string instanceId, long end);

    [LoggerMessage(LogLevel.Warning, "Settlement {InstanceId} ended {Status}; starting it again")]
    private partial void LogRestarting(string instanceId, string status);
}
