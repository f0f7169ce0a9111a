using System.Globalization;
using PowerVerse.GpuAgent.Backends;
using PowerVerse.GpuAgent.Messages;
using PowerVerse.GpuAgent.Proof;
using PowerVerse.GpuAgent.Signing;
using PowerVerse.Storage.Queues;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>
/// Solves one challenge under a <see cref="QueueMessageLease"/> (renewed while it runs), signs the EIP-712 ProofResult, posts the result and only
/// then deletes the challenge. Stopped mid-solve, it makes the challenge visible again instead: never lost.
/// </summary>
internal sealed class ChallengeHandler(AgentSigner signer, AgentQueues queues, IProofSolver solver, AgentSettings settings, AgentLog log, TimeProvider time)
{
    public async Task HandleAsync(QueueMessage message, ChallengeMessage challenge, CancellationToken stopping)
    {
        var id = challenge.ChallengeId.ToString(CultureInfo.InvariantCulture);
        if (challenge.Deadline <= time.GetUtcNow())
        {
            log.Warn("late", $"challenge={id} deadline={challenge.Deadline:O} solving anyway; the platform decides");
        }

        await using var lease = new QueueMessageLease(queues.Challenges, message, settings.Visibility, time);
        var startedAt = (ulong)time.GetUtcNow().ToUnixTimeSeconds();
        log.Info("challenge", $"challenge={id} vid={challenge.Vid} difficulty={challenge.Difficulty} shares={challenge.Shares} message={message.MessageId}");
        ProofSolution solution;
        try
        {
            var proof = new ProofChallenge(challenge.Seed, signer.Address.ToBytes(), challenge.Difficulty, challenge.Shares);
            solution = await solver.SolveAsync(proof, new ProgressReporter(id, log, time, settings.ProgressEvery), stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await lease.AbandonAsync(TimeSpan.Zero, CancellationToken.None);
            log.Info("released", $"challenge={id} message={message.MessageId} visible again for another run");
            return;
        }
        catch (Exception e) when (e is NonceSpaceExhaustedException or Backends.Cuda.CudaException)
        {
            log.Error("solve-failed", $"challenge={id} error=\"{e.Message}\"");
            await lease.AbandonAsync(TimeSpan.Zero, CancellationToken.None);
            return;
        }

        var finishedAt = (ulong)time.GetUtcNow().ToUnixTimeSeconds();
        var typed = AgentSigner.ProofResult(settings.ChainId, settings.ProofContract, challenge.ChallengeId, challenge.Vid, challenge.Seed, solution.Nonces, startedAt, finishedAt);
        var signature = signer.Sign(typed).ToHex();
        var result = ResultMessage.Create(challenge, signer.Address.ToLowerHex(), solution, startedAt, finishedAt, solver, signature);

        // Post first, delete after: a crash in between re-solves the challenge (a duplicate result), never loses it.
        await queues.Results.SendMessageAsync(result.ToJsonString(), cancellationToken: CancellationToken.None);
        if (lease.IsLost)
        {
            log.Warn("lease-lost", $"challenge={id} message={message.MessageId} another run may post a duplicate result");
        }

        await lease.CompleteAsync(CancellationToken.None);
        log.Info("result", $"challenge={id} nonces={solution.Nonces.Count} hashes={solution.Hashes} seconds={finishedAt - startedAt} backend={solver.Backend}");
    }
}
