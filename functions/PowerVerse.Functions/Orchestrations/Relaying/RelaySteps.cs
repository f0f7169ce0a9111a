using Microsoft.DurableTask;
using PowerVerse.Functions.Writes;

namespace PowerVerse.Functions.Orchestrations.Relaying;

/// <summary>
/// The steps every write takes (DESIGN §3): relay → confirmations → indexed. Activities the chain refused for good
/// fail the workflow at once with the chain's reason; anything else (a node or storage that is briefly unreachable)
/// is retried with backoff.
/// </summary>
internal static class RelaySteps
{
    /// <summary>Up to 6 attempts, 1 s then doubling up to 30 s apart, for failures other than the chain's refusal.</summary>
    public static TaskOptions Retry { get; } =
        new(new TaskRetryOptions(new RetryPolicy(6, TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30))
        {
            HandleFailure = failure => !failure.IsCausedBy<WriteRejectedException>(),
        }));

    public static async Task<WriteOutput> RunAsync(TaskOrchestrationContext context, WriteRequest input)
    {
        var retry = Retry;
        context.SetCustomStatus(WorkflowSteps.Relaying);
        await CallAsync<RelayedTransaction>(context, RelayActivity.Name, input, retry);
        context.SetCustomStatus(WorkflowSteps.Confirming);
        var output = await CallAsync<WriteOutput>(context, ConfirmActivity.Name, input, retry);
        context.SetCustomStatus(WorkflowSteps.Indexing);
        await CallAsync<long>(context, IndexActivity.Name, output.Block, retry);
        return output;
    }

    /// <summary>Calls an activity; a write the chain refused fails the workflow with the chain's reason, not the activity's wrapper.</summary>
    public static async Task<T> CallAsync<T>(TaskOrchestrationContext context, string activity, object? input, TaskOptions options)
    {
        try
        {
            return await context.CallActivityAsync<T>(activity, input, options);
        }
        catch (TaskFailedException ex) when (ex.FailureDetails.IsCausedBy<WriteRejectedException>())
        {
            throw new WriteRejectedException(ex.FailureDetails.ErrorMessage, ex);
        }
    }
}
