using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PowerVerse.Domain.Dividends;

namespace PowerVerse.Functions.Orchestrations.Dividends;

/// <summary>
/// Starts a month's dividend workflow, <c>dividend-&lt;yyyymm&gt;</c>, once: a workflow of the month that is pending,
/// running or completed is left alone (a completed one already funded the month or found nothing to pay); one that
/// failed or was terminated is started again, and its keyed chain effects carry on where it stopped.
/// </summary>
public static class DividendRuns
{
    private static readonly OrchestrationRuntimeStatus[] Kept =
    [
        OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended, OrchestrationRuntimeStatus.Completed,
    ];

    /// <returns>The instance id, and whether this call started it.</returns>
    public static async Task<(string Id, bool Started)> StartAsync(DurableTaskClient workflows, DividendPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var id = DividendOrchestrator.InstanceId(period);
        if (await workflows.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is { } existing && Kept.Contains(existing.RuntimeStatus))
        {
            return (id, false);
        }

        try
        {
            await workflows.ScheduleNewOrchestrationInstanceAsync(
                DividendOrchestrator.Name, new DividendRequest(period.Value), new StartOrchestrationOptions(id).WithDedupeStatuses(Kept), cancellationToken);
            return (id, true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Started meanwhile by another timer or message: that start is this one.
            if (await workflows.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is { } raced && Kept.Contains(raced.RuntimeStatus))
            {
                return (id, false);
            }

            throw;
        }
    }
}
