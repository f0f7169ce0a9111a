using System.Globalization;
using Azure.Storage.Queues.Models;
using PowerVerse.GpuAgent.Backends;
using PowerVerse.GpuAgent.Messages;
using PowerVerse.GpuAgent.Proof;
using PowerVerse.GpuAgent.Signing;
using PowerVerse.Domain.Json;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>
/// Solves one challenge under a <see cref="QueueMessageLease"/> (renewed while it runs), signs the EIP-712 ProofResult, posts the
/// result and only then deletes the challenge. Stopped mid-solve, it makes the challenge visible again instead: never lost.
/// At the challenge's deadline it stops and drops the challenge without a result (DESIGN §3: the platform records the miss),
/// so one challenge too hard for this hardware never blocks the ones behind it.
/// </summary>
internal sealed class ChallengeHandler(AgentSigner signer, QueueAccess access, IProofSolver solver, AgentSettings settings, AgentLog log, TimeProvider time)
{
    /// <summary>The longest a timer runs (uint.MaxValue − 1 ms, about 49 days); a deadline further out needs none.</summary>
    private static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    public async Task HandleAsync(QueueMessage message, ChallengeMessage challenge, CancellationToken stopping)
    {
        var id = challenge.ChallengeId.ToString(CultureInfo.InvariantCulture);
        await using var lease = new QueueMessageLease(access, message, settings.Visibility, time);
        var left = challenge.Deadline - time.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            await DropAsync(lease, id, challenge, "the deadline passed before solving started");
            return;
        }

        using var deadline = new CancellationTokenSource(left < MaxTimer ? left : Timeout.InfiniteTimeSpan, time);
        using var solving = CancellationTokenSource.CreateLinkedTokenSource(stopping, deadline.Token);
        var startedAt = (ulong)time.GetUtcNow().ToUnixTimeSeconds();
        log.Info("challenge", $"challenge={id} vid={challenge.Vid} difficulty={challenge.Difficulty} shares={challenge.Shares} deadline={IsoUtc.Format(challenge.Deadline)} message={message.MessageId}");
        var solveStarted = time.GetTimestamp();
        ProofSolution solution;
        try
        {
            var proof = new ProofChallenge(challenge.Seed, signer.AddressBytes, challenge.Difficulty, challenge.Shares);
            solution = await solver.SolveAsync(proof, new ProgressReporter(id, log, time, settings.ProgressEvery), solving.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await lease.AbandonAsync(TimeSpan.Zero, CancellationToken.None);
            log.Info("released", $"challenge={id} message={message.MessageId} visible again for another run");
            return;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            await DropAsync(lease, id, challenge, "the deadline passed while solving");
            return;
        }
        catch (NonceSpaceExhaustedException e)
        {
            // The same challenge exhausts the same nonces every time: trying again only spins until the deadline.
            await DropAsync(lease, id, challenge, e.Message);
            return;
        }
        catch (Backends.Cuda.CudaException e)
        {
            // The device may come back (a reset, memory freed by another process), so the challenge is tried again, but
            // after a visibility timeout rather than at once: a broken GPU must not spin on one challenge.
            log.Error("solve-failed", $"challenge={id} error=\"{e.Message}\" retry-in={settings.Visibility.TotalSeconds}s");
            await lease.AbandonAsync(settings.Visibility, CancellationToken.None);
            return;
        }

        var solveMs = time.GetElapsedTime(solveStarted).TotalMilliseconds;
        var finishedAt = (ulong)time.GetUtcNow().ToUnixTimeSeconds();
        var signature = signer.SignProofResult(
            settings.ChainId, settings.ProofContract, challenge.ChallengeId, challenge.Vid, challenge.Seed, solution.Nonces, startedAt, finishedAt);
        var result = ResultMessage.Create(challenge, signer.Address, solution, startedAt, finishedAt, solver, signature);

        // Post first, delete after: a crash in between re-solves the challenge (a duplicate result), never loses it.
        await access.Current.Results.SendMessageAsync(result.ToJsonString(), cancellationToken: CancellationToken.None);
        if (lease.IsLost)
        {
            log.Warn("lease-lost", $"challenge={id} message={message.MessageId} another run may post a duplicate result");
        }

        await lease.CompleteAsync(CancellationToken.None);
        log.Info("result", $"challenge={id} nonces={solution.Nonces.Count} hashes={solution.Hashes} solveMs={solveMs.ToString("F1", CultureInfo.InvariantCulture)} backend={solver.Backend}");
    }

    private async Task DropAsync(QueueMessageLease lease, string id, ChallengeMessage challenge, string why)
    {
        await lease.CompleteAsync(CancellationToken.None);
        log.Warn("dropped", $"challenge={id} deadline={IsoUtc.Format(challenge.Deadline)} reason=\"{why}\"; no result is posted, the platform records the miss");
    }
}
