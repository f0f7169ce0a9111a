using System.Globalization;
using Microsoft.DurableTask;
using PowerVerse.Functions.Orchestrations.Proofs;
using PowerVerse.Functions.Orchestrations.Relaying;
using PowerVerse.Functions.Writes;

namespace PowerVerse.Functions.Orchestrations.Purchase;

/// <summary>
/// A purchase (DESIGN §3): relay → confirmations → indexed → grant on the provider agent's queue → the agent's
/// <c>grant-applied</c> (raised by the agent-events queue function) → the access recorded for the buyer → the first
/// proof of the resource, a platform proof run in this workflow, whose outcome ends the purchase (a missed proof is
/// recorded and slashed; it does not undo the purchase). The payment is in the market's escrow from the relayed
/// transaction on; an agent that never answers fails the workflow (the escrow stays refundable under the SLA).
/// </summary>
public sealed class PurchaseOrchestrator : TaskOrchestrator<WriteRequest, WriteOutput>
{
    public override async Task<WriteOutput> RunAsync(TaskOrchestrationContext context, WriteRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var output = await RelaySteps.RunAsync(context, input);
        var grant = new GrantRequest(
            context.InstanceId, output.Arguments["uid"], output.Arguments["vid"], output.Arguments["buyer"],
            long.Parse(output.Arguments["expires"], CultureInfo.InvariantCulture), input.SshPublicKey);

        var retry = RelaySteps.Retry;
        var timeout = TimeSpan.FromSeconds(input.AgentTimeoutSeconds);
        context.SetCustomStatus(WorkflowSteps.Granting);
        var agent = await RelaySteps.CallAsync<string>(context, GrantActivity.Name, grant, retry);

        context.SetCustomStatus(WorkflowSteps.AwaitingAgent);
        GrantApplied applied;
        try
        {
            applied = await context.WaitForExternalEvent<GrantApplied>(GrantApplied.EventName, timeout);
        }
        catch (TaskCanceledException ex)
        {
            throw new WriteRejectedException(
                $"The provider's agent {agent} did not apply the grant of UID {grant.Uid} within {timeout}; the payment stays in escrow.", ex);
        }

        context.SetCustomStatus(WorkflowSteps.RecordingAccess);
        await RelaySteps.CallAsync<bool>(context, RecordAccessActivity.Name, new RecordAccessActivity.Input(grant, applied), retry);
        context.SetCustomStatus(WorkflowSteps.Proving);
        var proof = await FirstProofAsync(context, grant.Vid);
        context.SetCustomStatus(WorkflowSteps.Done);
        return output with { Access = applied.Endpoint, Proof = proof };
    }

    /// <summary>
    /// The resource's first proof, the platform's, run in this workflow (its id keys the challenger's request); a proof
    /// the chain refuses to run (the VID already has an open platform challenge) is shown failed, with why.
    /// </summary>
    private static async Task<ProofOutput> FirstProofAsync(TaskOrchestrationContext context, string vid)
    {
        try
        {
            return await ProofOrchestrator.RunStepsAsync(context, ProofRequest.Platform(vid));
        }
        catch (WriteRejectedException ex)
        {
            return ProofOutput.NotRun(vid, ex.Message);
        }
        catch (TaskFailedException ex)
        {
            // A step that failed past its retries: the purchase stands, its first proof did not run to the end.
            return ProofOutput.NotRun(vid, ex.FailureDetails.ErrorMessage);
        }
    }
}
