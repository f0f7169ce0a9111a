using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using PowerVerse.Client.Api;
using PowerVerse.Functions.Orchestrations;
using PowerVerse.Functions.Orchestrations.Proofs;

namespace PowerVerse.Benchmarks.Purchases;

/// <summary>
/// A purchase end to end as a buyer makes it: signs <c>buy</c> as a ForwardRequest, POSTs it to
/// <c>/api/market/purchases</c> and polls its workflow every 50 ms until the buyer has access: the workflow has recorded
/// the access the real agent granted and gone on to the resource's first proof (or has completed). Latency runs from the
/// POST being sent to that poll; the timeline records how long each state (the workflow's step, or its status before it
/// has one) was seen. The first proofs go on in the background; <see cref="FinishAsync"/> waits for them.
/// </summary>
internal sealed class ApiPurchase(PowerVerseApi api)
{
    public const string SshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPowerVerseBenchmarkKey pv@bench";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    // A proof's steps past its challenge are objects ({"step":"awaiting-result","challengeId":…}): shown as "proof <step>".
    private const string ProofStep = "proof ";

    // The first steps after access is recorded: the first proof's (a poll may miss the short "proving").
    private static readonly string[] AfterAccess =
        [WorkflowSteps.Proving, ProofOrchestrator.Requesting, ProofOrchestrator.Dispatching, ProofOrchestrator.Challenging, WorkflowSteps.Done];

    // The workflow's states before the buyer has access, in order (DESIGN §3).
    public static readonly string[] UntilAccess =
        ["post", "unknown", "pending", "running", WorkflowSteps.Relaying, WorkflowSteps.Confirming, WorkflowSteps.Indexing,
            WorkflowSteps.Granting, WorkflowSteps.AwaitingAgent, WorkflowSteps.RecordingAccess];

    private readonly ConcurrentQueue<(string Id, long Start)> _started = new();

    public async Task<PurchaseSample> BuyAsync(Buyer buyer, Listing listing)
    {
        ArgumentNullException.ThrowIfNull(buyer);
        ArgumentNullException.ThrowIfNull(listing);
        var write = await buyer.Writes.BuyAsync(listing.Uid, listing.Token, listing.Price, SshKey);
        var start = Stopwatch.GetTimestamp();
        var answer = await api.PostAsync(write);
        if (!answer.IsAccepted || answer.Id != write.Id)
        {
            throw new InvalidOperationException($"POST {write.Route} for UID {listing.Uid} was not accepted as {write.Id}: {answer.Status} {answer.Problem}");
        }

        _started.Enqueue((write.Id, start));
        var timeline = new List<(string State, double Ms)>();
        var (state, since) = ("post", 0.0);
        while (true)
        {
            var workflow = await api.GetWorkflowAsync(write.Id);
            var now = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var seen = workflow is null ? "unknown" : workflow.IsFinished ? workflow.Status : StepName(workflow) ?? workflow.Status.ToLowerInvariant();
            if (seen != state)
            {
                timeline.Add((state, now - since));
                (state, since) = (seen, now);
            }

            if (workflow is { IsFinished: true })
            {
                return workflow.IsCompleted && workflow.Result?.Access is not null
                    ? new PurchaseSample(now, timeline)
                    : throw Ended(workflow, listing);
            }

            if (AfterAccess.Contains(seen) || seen.StartsWith(ProofStep, StringComparison.Ordinal))
            {
                return new PurchaseSample(now, timeline);
            }

            if (!UntilAccess.Contains(seen))
            {
                throw new InvalidOperationException($"Purchase {write.Id} of UID {listing.Uid} is at '{seen}', a step this benchmark does not know: name it in {nameof(UntilAccess)} or as the end.");
            }

            if (now > Timeout.TotalMilliseconds)
            {
                throw new TimeoutException($"Purchase {write.Id} of UID {listing.Uid} was still at '{state}' after {Timeout}.");
            }

            await Task.Delay(PollInterval);
        }
    }

    /// <summary>
    /// Waits until every purchase started since the last call has completed (its first proof verified) and returns each
    /// one's time from its workflow's creation to its completion, as the workflow's own timestamps say (the polls here
    /// come after the phase).
    /// </summary>
    public async Task<IReadOnlyList<double>> FinishAsync()
    {
        var completed = new List<double>();
        while (_started.TryDequeue(out var started))
        {
            // Each within twice a purchase's timeout of its POST.
            var left = Timeout + Timeout - Stopwatch.GetElapsedTime(started.Start);
            var workflow = await api.WaitForWorkflowAsync(started.Id, left > TimeSpan.Zero ? left : TimeSpan.Zero);
            completed.Add(workflow.IsCompleted ? (workflow.LastUpdatedAt - workflow.CreatedAt).TotalMilliseconds : throw Ended(workflow, null));
        }

        return completed;
    }

    private static string? StepName(Workflow workflow)
    {
        if (workflow.CurrentStep is not { } step || !step.StartsWith('{'))
        {
            return workflow.CurrentStep;
        }

        using var json = JsonDocument.Parse(step);
        return json.RootElement.TryGetProperty("step", out var name) && name.ValueKind == JsonValueKind.String ? ProofStep + name.GetString() : step;
    }

    private static InvalidOperationException Ended(Workflow workflow, Listing? listing) =>
        new($"Purchase {workflow.Id}{(listing is null ? string.Empty : $" of UID {listing.Uid}")} ended {workflow.Status} (access {workflow.Result?.Access}): {workflow.Failure?.ErrorType}: {workflow.Failure?.ErrorMessage}");
}
