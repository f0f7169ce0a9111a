using Azure;
using Azure.Storage.Queues.Models;
using PowerVerse.GpuAgent.Backends;
using PowerVerse.GpuAgent.Gpus;
using PowerVerse.GpuAgent.Grants;
using PowerVerse.GpuAgent.Messages;
using PowerVerse.GpuAgent.Signing;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>
/// The <c>run</c> loop: receive one message at a time from the agent's queue (backing off while it is empty),
/// act on it, and send heartbeats beside. A message leaves the queue only once handled: a challenge after its
/// result is posted, a grant after its answer is sent, anything unusable by moving to poison.
/// </summary>
internal sealed class AgentRunner(
    AgentSigner signer, QueueAccess access, IProofSolver solver, GrantStore grants, AgentSettings settings,
    IReadOnlyList<GpuInfo> gpus, AgentLog log, TimeProvider time)
{
    /// <summary>An unusable message whose poison queue stays unreachable is dropped after this many deliveries.</summary>
    private const int MaxPoisonAttempts = 5;

    /// <summary>Put Message's <c>messagettl=-1</c>: a poisoned message stays until someone looks at it.</summary>
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    public async Task RunAsync(CancellationToken stopping)
    {
        await access.Current.EnsureCreatedAsync(stopping);
        log.Info("started", $"agent={signer.Address} queue={access.Current.Challenges.Name} backend={solver.Backend} device=\"{solver.Device}\"");
        var heartbeats = Task.Run(() => new Heartbeat(signer, access, gpus, log, time).RunAsync(settings.Heartbeat, stopping), CancellationToken.None);
        var idle = settings.MinIdle;
        while (!stopping.IsCancellationRequested)
        {
            QueueMessage? message = null;
            try
            {
                message = (await access.Current.Challenges.ReceiveMessagesAsync(1, settings.Visibility, stopping)).Value.FirstOrDefault();
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (access.Failed(e))
            {
                log.Warn("poll-failed", $"{StorageFailure.Describe(e)} retry-in={idle.TotalSeconds}s");
            }

            if (message is null)
            {
                await DelayAsync(idle, stopping);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, settings.MaxIdle.Ticks));
                continue;
            }

            idle = settings.MinIdle;
            try
            {
                await HandleAsync(message, stopping);
            }
            catch (Exception e) when (access.Failed(e))
            {
                // Storage failed mid-way; the message was not deleted, so it reappears after its visibility timeout.
                log.Error("handle-failed", $"message={message.MessageId} {StorageFailure.Describe(e)} retried after {settings.Visibility.TotalSeconds}s");
            }
        }

        await heartbeats;
        log.Info("stopped", "polling ended cleanly");
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken stopping)
    {
        IAgentMessage parsed;
        try
        {
            parsed = AgentMessageParser.Parse(message.Body.ToString());
        }
        catch (MalformedMessageException e)
        {
            await PoisonAsync(message, $"malformed: {e.Message}");
            return;
        }

        switch (parsed)
        {
            case ChallengeMessage challenge when Foreign(challenge) is { } why:
                await PoisonAsync(message, why);
                break;
            case ChallengeMessage challenge:
                await new ChallengeHandler(signer, access, solver, settings, log, time).HandleAsync(message, challenge, stopping);
                break;
            case GrantMessage grant:
                await new GrantHandler(signer, access, grants, settings, log, time).HandleAsync(message, grant, () => PoisonAsync(message, "grant already expired"));
                break;
        }
    }

    private string? Foreign(ChallengeMessage challenge)
    {
        if (challenge.Agent is { } agent && agent != signer.Address)
        {
            return $"foreign: challenge for agent {agent}";
        }

        if (challenge.ChainId != settings.ChainId)
        {
            return $"foreign: chainId {challenge.ChainId}, this agent serves {settings.ChainId}";
        }

        return challenge.ProofContract != settings.ProofContract
            ? $"foreign: proofContract {challenge.ProofContract}, this agent serves {settings.ProofContract}"
            : null;
    }

    private async Task PoisonAsync(QueueMessage message, string reason)
    {
        log.Warn("poison", $"message={message.MessageId} reason=\"{reason}\"");
        try
        {
            // Copy first, delete after (as Storage's MoveToPoisonAsync), through the poison queue's own client: with
            // SAS URLs the agent queue's signature does not reach the poison queue.
            var queues = access.Current;
            await queues.Poison.SendMessageAsync(message.Body, timeToLive: NeverExpires, cancellationToken: CancellationToken.None);
            await queues.Challenges.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (RequestFailedException e) when (message.DequeueCount >= MaxPoisonAttempts && e.Status is 403 or 404)
        {
            log.Error("poison-dropped", $"message={message.MessageId} status={e.Status} code={e.ErrorCode}: no poison queue reachable after {message.DequeueCount} tries; deleted");
            await access.Current.Challenges.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception e) when (access.Failed(e))
        {
            log.Error("poison-failed", $"message={message.MessageId} {StorageFailure.Describe(e)}; it returns after its visibility timeout");
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, time, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
