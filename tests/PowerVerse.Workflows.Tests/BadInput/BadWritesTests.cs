using System.Diagnostics;
using System.Globalization;
using System.Text;
using PowerVerse.Chain.Forwarding;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PowerVerse.Workflows.Tests.BadInput;

/// <summary>
/// The write API's refusals (spec: its problem table), on the real local stack: hundreds of generated bad writes
/// across the eight write routes and the parties' accounts, each answered 4xx <c>application/problem+json</c> with the
/// spec's stable <c>type</c> (and, where the contract would revert, the custom error's name), and nothing changed by
/// any of them: not the chain (blocks, forwarder nonces, balances, the relayer's nonce), not the read model, the access
/// grants, the platform journal, the task hub (no new workflow) or any queue.
/// </summary>
public sealed class BadWritesTests(LocalStack stack, ITestOutputHelper output) : IClassFixture<LocalStack>
{
    /// <summary>The generator's seed; <c>PV_BAD_WRITES_SEED</c> replays another.</summary>
    private const int DefaultSeed = 10_2025;
    private const string ProblemPrefix = "https://powerverse.dev/problems/";

    [Fact]
    public async Task Post_GeneratedBadWritesOnEveryRoute_EachRefusedWithItsProblemAndNothingChanges()
    {
        var seed = Environment.GetEnvironmentVariable("PV_BAD_WRITES_SEED") is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : DefaultSeed;
        output.WriteLine($"seed {seed} (PV_BAD_WRITES_SEED={seed} replays this set)");
        var clock = Stopwatch.StartNew();
        var world = await BadInputMarket.PrepareAsync(stack, output);
        var schedule = new BadWriteGenerator(world, new Random(seed)).Schedule();
        var parties = world.Signers.Select(BadInputWorld.Address).ToList();
        var before = await StackSnapshot.SettledAsync(stack, parties, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(90));
        output.WriteLine($"set up and settled in {clock.Elapsed.TotalSeconds:F1} s; {before.Count} facts in the snapshot");

        clock.Restart();
        var wrong = new List<string>();
        var writes = new List<BadWrite>();
        var forwarder = new ForwarderClient(stack.Web3, stack.Manifest["PowerForwarder"]);
        using (var poster = new RawPoster(stack.Host.ApiUrl))
        {
            foreach (var make in schedule)
            {
                var write = make();
                writes.Add(write);
                var answer = await poster.PostAsync(write);
                if (Mismatch(write, answer) is not { } why)
                {
                    continue;
                }

                var workflow = answer.Status == 202 ? await FinishedWorkflowAsync(answer) : null;
                wrong.Add($"{write}\n  got {answer}\n  ({why}){workflow}\n  body: {write.Shown}");
                if (workflow is not null)
                {
                    // It ran: the signers' nonces may have moved, which must not make every later write replayed.
                    await world.RefreshNoncesAsync(forwarder);
                }
            }
        }

        output.WriteLine($"{writes.Count} bad writes posted in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var kind in writes.GroupBy(w => w.Kind))
        {
            output.WriteLine($"  {kind.Key,-24} {kind.Count(),4}  ({string.Join(", ", kind.GroupBy(w => w.Route).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Count()}"))})");
        }

        // Anything a bad write set off (a workflow, a transaction, an indexed event) shows within the indexer's period.
        var after = await StackSnapshot.SettledAsync(stack, parties, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(60));
        var changes = StackSnapshot.Diff(before, after);
        if (wrong.Count > 0 || changes.Count > 0)
        {
            var report = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"seed {seed}: {wrong.Count} of {writes.Count} bad writes answered otherwise than the spec says; {changes.Count} facts changed.")
                .AppendJoin("\n", wrong.Take(40)).AppendLine()
                .AppendLine("changed:").AppendJoin("\n", changes.Take(60)).AppendLine()
                .AppendLine("errors the host logged:").AppendLine(HostLog.Errors(stack.Host.Output))
                .AppendLine(stack.Logs(3000));
            throw new XunitException(report.ToString());
        }
    }

    /// <summary>How the workflow a bad write wrongly started ended (waited for, so that its effects show).</summary>
    private async Task<string> FinishedWorkflowAsync(RawAnswer accepted)
    {
        if (accepted.Member("id") is not { } id)
        {
            return "\n  workflow: (no id)";
        }

        try
        {
            var workflow = await stack.Api.WaitForWorkflowAsync(id, TimeSpan.FromSeconds(60));
            var raw = (await stack.Api.GetAsync("/api/workflows/" + id)).Body?.GetRawText() ?? string.Empty;
            return $"\n  workflow {workflow.Name} {workflow.Status}: {(raw.Length <= 1_200 ? raw : raw[..1_200] + "…")}";
        }
        catch (TimeoutException e)
        {
            return "\n  workflow: " + e.Message;
        }
    }

    /// <summary>Why the answer is not the one the spec gives the write; null when it is.</summary>
    private static string? Mismatch(BadWrite write, RawAnswer answer)
    {
        if (answer.Status != write.Status)
        {
            return $"status {answer.Status}, expected {write.Expected}";
        }

        if (answer.MediaType != "application/problem+json")
        {
            return $"media type {answer.MediaType}";
        }

        if (answer.Member("type") != ProblemPrefix + write.Slug)
        {
            return $"type {answer.Member("type")}, expected {ProblemPrefix + write.Slug}";
        }

        if (answer.Member("status") != write.Status.ToString(CultureInfo.InvariantCulture)
            || string.IsNullOrEmpty(answer.Member("title")) || string.IsNullOrEmpty(answer.Member("detail")) || answer.Member("instance") != write.Route)
        {
            return "the problem's status, title, detail or instance";
        }

        if (write.Error is not null && (answer.Member("error") != write.Error || answer.Member("arguments")?.StartsWith('{') != true))
        {
            return $"error {answer.Member("error") ?? "(none)"} with arguments {answer.Member("arguments") ?? "(none)"}, expected {write.Error}";
        }

        return null;
    }
}
