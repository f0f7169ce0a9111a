using Microsoft.DurableTask;
using PowerVerse.Functions.Orchestrations.Relaying;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// A proof of compute (DESIGN §3): requested on chain — a user's signed request relayed (relay → confirmations →
/// indexed) or the challenger's own — then dispatched with a committed salt, sent to the agent's queue, and the
/// agent's result awaited until the deadline (<see cref="ProofWait"/>): verified off chain first, submitted, indexed;
/// without a valid result by the deadline, expired and slashed once. Registered as <c>RequestProof</c> (a user's
/// <c>POST /api/proofs</c>) and <c>Proof</c> (the platform's cadence); a purchase runs the same steps for its first proof.
/// </summary>
public sealed class ProofOrchestrator : TaskOrchestrator<ProofRequest, ProofOutput>
{
    public override async Task<ProofOutput> RunAsync(TaskOrchestrationContext context, ProofRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = await RunStepsAsync(context, input);
        context.SetCustomStatus(WorkflowSteps.Done);
        return output;
    }

    public const string Requesting = "requesting";
    public const string Dispatching = "dispatching";
    public const string Challenging = "challenging";

    /// <summary>
    /// The proof's steps inside the calling workflow (its instance id keys the platform's request and receives the
    /// agent's results): a purchase runs them after granting access, rather than as a sub-orchestration, which the
    /// local host's Durable sidecar cannot start.
    /// </summary>
    public static async Task<ProofOutput> RunStepsAsync(TaskOrchestrationContext context, ProofRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var retry = RelaySteps.Retry;
        RequestedChallenge requested;
        if (input.Write is { } write)
        {
            var relayed = await RelaySteps.RunAsync(context, write);
            requested = new RequestedChallenge(
                relayed.Arguments["challengeId"], relayed.Arguments["vid"], relayed.Arguments["requester"], relayed.TransactionHash, relayed.Block);
        }
        else
        {
            context.SetCustomStatus(Requesting);
            requested = await RelaySteps.CallAsync<RequestedChallenge>(context, RequestChallengeActivity.Name,
                new RequestChallengeActivity.Input(context.InstanceId, input.Vid ?? throw new ArgumentException("A platform proof names its VID.", nameof(input))), retry);
        }

        context.SetCustomStatus(Dispatching);
        var challenge = await RelaySteps.CallAsync<DispatchedChallenge>(
            context, DispatchActivity.Name, new DispatchActivity.Input(requested.ChallengeId, context.InstanceId), retry);
        context.SetCustomStatus(Challenging);
        var sentAt = await RelaySteps.CallAsync<DateTimeOffset>(context, ChallengeActivity.Name, challenge, retry);
        var output = await new ProofWait(context, challenge, sentAt).RunAsync();
        return output with { RequestTransaction = requested.TransactionHash };
    }
}
