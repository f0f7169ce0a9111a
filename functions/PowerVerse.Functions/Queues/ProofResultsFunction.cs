using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using PowerVerse.Functions.Orchestrations.Proofs;
using PowerVerse.Functions.Orchestrations.Purchase;

namespace PowerVerse.Functions.Queues;

/// <summary>
/// Agents' results on <c>proof-results</c> (DESIGN §3): each is raised as <c>proof-result</c> to the workflow of its
/// challenge (found in the challenges table), with when the platform received it by its own clock and by the chain's.
/// A result for a challenge this platform never issued, or whose workflow has finished, is refused here: logged, and
/// nothing changes. A message that is not a result at all throws and lands in <c>proof-results-poison</c> after its tries.
/// </summary>
public sealed partial class ProofResultsFunction(ChallengeStore challenges, Challenger chain, TimeProvider time, ILogger<ProofResultsFunction> log)
{
    public const string QueueName = "proof-results";

    [Function("ProofResults")]
    public async Task Run(
        [QueueTrigger(QueueName, Connection = AgentQueues.ConnectionName)] string message,
        [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var receivedAt = time.GetUtcNow();
        var result = ProofResultMessage.Read(message);
        if (await challenges.GetAsync(result.ChallengeId, cancellationToken) is not { } challenge)
        {
            LogRefused(result.ChallengeId, result.Agent, "unknown-challenge", "no such challenge was issued by this platform");
            return;
        }

        var instance = await workflows.GetInstanceAsync(challenge.InstanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null || instance.IsCompleted)
        {
            LogRefused(result.ChallengeId, result.Agent, "challenge-closed", $"its workflow {challenge.InstanceId} has finished");
            return;
        }

        var chainTime = await chain.ChainTimeAsync();
        await workflows.RaiseEventAsync(challenge.InstanceId, ProofResultEvent.EventName, new ProofResultEvent(
            result.ChallengeId, result.Vid, result.Agent, result.Nonces, result.StartedAt, result.FinishedAt, result.Signature,
            result.Backend, result.Device, receivedAt, chainTime), cancellationToken);
        LogRaised(result.ChallengeId, result.Agent, challenge.InstanceId);
    }

    [LoggerMessage(LogLevel.Warning, "Result for challenge {ChallengeId} from agent {Agent} refused ({Code}): {Reason}; nothing changes")]
    private partial void LogRefused(string challengeId, string agent, string code, string reason);

    [LoggerMessage(LogLevel.Information, "Result for challenge {ChallengeId} from agent {Agent} raised to workflow {InstanceId}")]
    private partial void LogRaised(string challengeId, string agent, string instanceId);
}
