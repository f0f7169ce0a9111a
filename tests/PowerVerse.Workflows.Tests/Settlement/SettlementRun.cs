using System.Diagnostics;
using System.Text;
using PowerVerse.Client.Api;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PowerVerse.Workflows.Tests.Settlement;

/// <summary>A settlement test's run: its timeline in the test output, moving the chain's clock, and following settlement workflows through the API.</summary>
internal sealed class SettlementRun(SettlementFixture stack, ITestOutputHelper output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Note(string line) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:F1} s  {line}");

    /// <summary>The latest block's time (unix seconds).</summary>
    public async Task<long> ChainNowAsync() => (await stack.Clock.NowAsync()).ToUnixTimeSeconds();

    /// <summary>Moves the chain's clock to at least <paramref name="time"/> (a block is mined there).</summary>
    public async Task WarpToAsync(long time)
    {
        var now = await ChainNowAsync();
        if (time > now)
        {
            await stack.Clock.AdvanceAsync(time - now);
        }
    }

    /// <summary>Follows settlement workflows through <paramref name="api"/> until each has finished; every one must have completed.</summary>
    public async Task<IReadOnlyDictionary<string, Workflow>> CompletedAsync(PowerVerseApi api, IReadOnlyCollection<string> ids, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(ids);
        var finished = new Dictionary<string, Workflow>(StringComparer.Ordinal);
        var waiting = Stopwatch.StartNew();
        while (finished.Count < ids.Count)
        {
            foreach (var id in ids.Where(i => !finished.ContainsKey(i)))
            {
                if (await api.GetWorkflowAsync(id) is { IsFinished: true } workflow)
                {
                    finished[id] = workflow;
                }
            }

            if (finished.Count < ids.Count)
            {
                if (waiting.Elapsed > timeout)
                {
                    throw await FailureAsync($"{ids.Count - finished.Count} of {ids.Count} settlements had not finished after {timeout}, e.g. {ids.First(i => !finished.ContainsKey(i))}.", api, ids.Where(i => !finished.ContainsKey(i)).Take(3));
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }

        var failed = finished.Values.Where(w => !w.IsCompleted).ToList();
        if (failed.Count > 0)
        {
            throw await FailureAsync($"{failed.Count} settlements did not complete: {string.Join("; ", failed.Take(3).Select(w => $"{w.Id} {w.Status} {w.Failure?.ErrorType}: {w.Failure?.ErrorMessage}"))}", api, []);
        }

        Note($"{ids.Count} settlements completed, the last {waiting.Elapsed.TotalSeconds:F1} s after the wait began");
        return finished;
    }

    /// <summary>A failure with the workflows as the API shows them and every host's output.</summary>
    public async Task<XunitException> FailureAsync(string what, PowerVerseApi? api, IEnumerable<string> workflows)
    {
        var text = new StringBuilder(what).AppendLine();
        if (api is not null)
        {
            foreach (var id in workflows)
            {
                var response = await api.GetAsync("/api/workflows/" + id);
                text.Append("workflow ").Append(id).Append(": ").AppendLine(response.Body?.GetRawText() ?? response.Problem?.ToString());
            }
        }

        return new XunitException(text.AppendLine(stack.Logs()).ToString());
    }
}
