using System.Diagnostics;
using PowerVerse.Client.Api;

namespace PowerVerse.Benchmarks.Purchases;

/// <summary>
/// A purchase end to end as a buyer makes it: signs <c>buy</c> as a ForwardRequest, POSTs it to
/// <c>/api/market/purchases</c> and polls its workflow every 50 ms until it is Completed with the access the real agent
/// granted. Latency runs from the POST being sent to the poll that sees Completed; the timeline records how long each
/// state (the workflow's step, or its status before it has one) was seen.
/// </summary>
internal sealed class ApiPurchase(PowerVerseApi api)
{
    public const string SshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPowerVerseBenchmarkKey pv@bench";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

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

        var timeline = new List<(string State, double Ms)>();
        var (state, since) = ("post", 0.0);
        while (true)
        {
            var workflow = await api.GetWorkflowAsync(write.Id);
            var now = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var seen = workflow is null ? "unknown" : workflow.IsFinished ? workflow.Status : workflow.CurrentStep ?? workflow.Status.ToLowerInvariant();
            if (seen != state)
            {
                timeline.Add((state, now - since));
                (state, since) = (seen, now);
            }

            if (workflow is { IsFinished: true })
            {
                return workflow.IsCompleted && workflow.Result?.Access is not null
                    ? new PurchaseSample(now, timeline)
                    : throw new InvalidOperationException($"Purchase {write.Id} of UID {listing.Uid} ended {workflow.Status} (access {workflow.Result?.Access}): {workflow.Failure?.ErrorType}: {workflow.Failure?.ErrorMessage}");
            }

            if (now > Timeout.TotalMilliseconds)
            {
                throw new TimeoutException($"Purchase {write.Id} of UID {listing.Uid} was still at '{state}' after {Timeout}.");
            }

            await Task.Delay(PollInterval);
        }
    }
}
