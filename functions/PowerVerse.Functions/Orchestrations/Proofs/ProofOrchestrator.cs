using Microsoft.DurableTask;
using PowerVerse.Functions.Orchestrations.Relaying;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// A proof of compute (DESIGN §3): requested on chain — a user's signed request relayed (relay → confirmations →
/// indexed) or the challenger's own — then dispatched with a committed salt, sent to the agent's queue, and the
/// agent's result awaited until the deadline (<see cref="ProofWait"/>): verified off chain first, submitted, indexed;
/// without a valid result by the deadline, expired and slashed once. Registered as <c>RequestProof</c> (a user's
/// <c>POST /api/proofs</c>) and <c>Proof</c> (the platform's: a purchase's first proof, the cadence).
/// </summary>
public sealed class ProofOrchestrator : TaskOrchestrator<ProofRequest, ProofOutput>
{
    public const string Requesting = "requesting";
    public const string Dispatching = "dispatching";
    public const string Challenging = "challenging";

    public override async Task<ProofOutput> RunAsync(TaskOrchestrationContext context, ProofRequest input)
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
        context.SetCustomStatus(WorkflowSteps.Done);
        return output with { RequestTransaction = requested.TransactionHash };
    }
}
