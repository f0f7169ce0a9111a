using Microsoft.DurableTask;
using PowerVerse.Functions.Orchestrations.Relaying;
using PowerVerse.Functions.Writes;

namespace PowerVerse.Functions.Orchestrations;

/// <summary>
/// The workflow of every write whose work ends on chain — hardware registration, resource, usage right, listing (a
/// first listing mints RID), RID listing and purchase (partial fills are the market's), revenue claim: relay,
/// confirmations, indexed. Registered once per action, under the action's name (<see cref="WriteActions"/>).
/// </summary>
public sealed class WriteOrchestrator : TaskOrchestrator<WriteRequest, WriteOutput>
{
    public override async Task<WriteOutput> RunAsync(TaskOrchestrationContext context, WriteRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var output = await RelaySteps.RunAsync(context, input);
        context.SetCustomStatus(WorkflowSteps.Done);
        return output;
    }
}
