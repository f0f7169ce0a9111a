using Microsoft.DurableTask;
using PowerVerse.Domain.Proofs;
using PowerVerse.Functions.Orchestrations.Relaying;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// The part of a proof after the challenge reached the agent's queue: results (the <c>proof-result</c> event) are
/// verified off chain one by one and refused ones recorded, while the deadline is polled by the chain's clock; the first
/// valid result is submitted and indexed; at the deadline without one the challenge is expired and slashed, then indexed.
/// One event wait stays open across the polls (a wait cancelled by a timeout would still take the next event in this
/// SDK), and the timers are cancelled when a result wins.
/// </summary>
internal sealed class ProofWait(TaskOrchestrationContext context, DispatchedChallenge challenge, DateTimeOffset sentAt)
{
    public const string AwaitingResult = "awaiting-result";
    public const string Submitting = "submitting";
    public const string Expiring = "expiring";
    public const string Slashing = "slashing";

    private readonly List<RefusedResult> _refused = [];
    private readonly TaskOptions _retry = RelaySteps.Retry;
    private readonly TimeSpan _poll = TimeSpan.FromSeconds(challenge.PollSeconds);
    private Task<ProofResultEvent>? _next;
    private bool _closed;

    public async Task<ProofOutput> RunAsync()
    {
        _next = context.WaitForExternalEvent<ProofResultEvent>(ProofResultEvent.EventName);
        while (true)
        {
            Status(AwaitingResult);
            using var cancelTimer = new CancellationTokenSource();
            var timer = context.CreateTimer(_poll, cancelTimer.Token);
            if (await Task.WhenAny(_next, timer) == _next)
            {
                // Cancelled synchronously: an orchestrator's continuations must stay on its own thread.
                cancelTimer.Cancel();
                if (await OnResultAsync() is { } verified)
                {
                    return verified;
                }

                if (_refused[^1].Code == ProofRefusal.AfterDeadline || _closed)
                {
                    break;
                }

                continue;
            }

            if (await CallAsync<long>(ChainTimeActivity.Name, string.Empty) > challenge.Deadline)
            {
                break;
            }
        }

        return await MissedAsync();
    }

    /// <summary>The next result: refused (recorded), or verified on chain (the proof's output).</summary>
    private async Task<ProofOutput?> OnResultAsync()
    {
        var result = await _next!;
        _next = context.WaitForExternalEvent<ProofResultEvent>(ProofResultEvent.EventName);
        var verdict = await CallAsync<ProofVerdict>(VerifyActivity.Name, new VerifyActivity.Input(challenge, sentAt, result));
        if (verdict.Refusal is { } refusal)
        {
            Refuse(refusal, result);
            return null;
        }

        Status(Submitting);
        var submitted = await CallAsync<SubmitActivity.Outcome>(SubmitActivity.Name, new SubmitActivity.Input(challenge.ChallengeId, result, verdict.ElapsedMs));
        if (submitted.Refusal is { } chainRefusal)
        {
            Refuse(chainRefusal, result);
            _closed = submitted.Closed;
            return null;
        }

        Status(WorkflowSteps.Indexing);
        await CallAsync<long>(IndexActivity.Name, submitted.Block);
        await DrainLateResultsAsync();
        return Output(ProofOutput.Verified) with { SubmitTransaction = submitted.TransactionHash, ElapsedMs = submitted.ElapsedMs, Work = submitted.Work };
    }

    /// <summary>No valid result by the deadline: expire (asking again while the chain says it is not yet time), slash once, index.</summary>
    private async Task<ProofOutput> MissedAsync()
    {
        ExpireActivity.Outcome expired;
        while (true)
        {
            Status(Expiring);
            expired = await CallAsync<ExpireActivity.Outcome>(ExpireActivity.Name, challenge.ChallengeId);
            if (expired.State != ExpireActivity.NotYet)
            {
                break;
            }

            await context.CreateTimer(_poll, CancellationToken.None);
        }

        var output = Output(expired.State == ExpireActivity.VerifiedMeanwhile ? ProofOutput.Verified : ProofOutput.Missed) with
        {
            ExpireTransaction = expired.TransactionHash,
        };
        var block = Math.Max(challenge.Block, expired.Block);
        if (expired.State == ExpireActivity.Expired)
        {
            Status(Slashing);
            var slashed = await CallAsync<SlashActivity.Outcome>(SlashActivity.Name, new SlashActivity.Input(challenge.ChallengeId, challenge.Hid));
            output = output with { SlashTransaction = slashed.TransactionHash, Slash = slashed.State, SlashedAmount = slashed.Amount };
            block = Math.Max(block, slashed.Block);
        }

        Status(WorkflowSteps.Indexing);
        await CallAsync<long>(IndexActivity.Name, block);
        await DrainLateResultsAsync();
        return output with { Refused = [.. _refused] };
    }

    /// <summary>Results that arrived while the proof was closing are refused too (they reached a closed challenge).</summary>
    private async Task DrainLateResultsAsync()
    {
        while (_next is { IsCompleted: true } late)
        {
            Refuse(new ProofRefusal(ProofRefusal.ChallengeClosed, $"Challenge {challenge.ChallengeId} was closed when the result arrived."), await late);
            _next = context.WaitForExternalEvent<ProofResultEvent>(ProofResultEvent.EventName);
        }
    }

    private void Refuse(ProofRefusal refusal, ProofResultEvent result) =>
        _refused.Add(new RefusedResult(refusal.Code, refusal.Reason, result.Agent, result.ReceivedAt));

    private ProofOutput Output(string outcome) => new(
        challenge.ChallengeId, challenge.Vid, outcome, null, challenge.TransactionHash, null, null, null, null, null, 0, "0", challenge.Deadline, [.. _refused]);

    private void Status(string step) => context.SetCustomStatus(new ProofStep(step, challenge.ChallengeId, challenge.Deadline, [.. _refused]));

    private Task<T> CallAsync<T>(string activity, object input) => RelaySteps.CallAsync<T>(context, activity, input, _retry);
}
