using System.Globalization;

namespace PowerVerse.Benchmarks.Purchases;

/// <summary>
/// The purchase benchmark's table: each phase's count, rate and latency; e2e/raw rate ratios at 1 and 8 buyers; the
/// issue's goals (e2e ≥ 0.5× raw at 8 buyers, p50 ≤ 3 s) judged on the default-settings rows; and where an
/// end-to-end purchase spends its time, by workflow step.
/// </summary>
internal static class PurchaseReport
{
    private const double RateGoal = 0.5;
    private const double P50GoalMs = 3000;

    /// <summary>Rows in order: raw at 1 and 8, e2e default at 1 and 8, then any further labelled e2e pairs.</summary>
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<PhaseResult> rows, int serialCount, int concurrentCount)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture,
            "{0} purchases with 1 buyer, {1} with 8 buyers (one closed loop each), fresh listings per phase; latency: request sent → purchase seen done (e2e: the agent's access recorded, the workflow at its first proof, polled every 50 ms; raw: receipt)",
            serialCount, concurrentCount));
        await output.WriteLineAsync(F("{0,-46}{1,7}{2,7}{3,13}{4,10}{5,10}{6,10}", "phase", "buyers", "count", "purchases/s", "p50 ms", "p99 ms", "vs raw"));
        var (raw1, raw8) = (rows[0], rows[1]);
        foreach (var row in rows)
        {
            var raw = row.Buyers == 1 ? raw1 : raw8;
            await output.WriteLineAsync(F("{0,-46}{1,7}{2,7}{3,13:F2}{4,10:F0}{5,10:F0}{6,9:F3}x", row.Name, row.Buyers, row.Count, row.Rate, row.P50Ms, row.P99Ms, row.Rate / raw.Rate));
        }

        var (e2e1, e2e8) = (rows[2], rows[3]);
        await output.WriteLineAsync(F("e2e/raw rate ({0}): {1:F3}x at 1 buyer, {2:F3}x at 8 buyers", e2e1.Name, e2e1.Rate / raw1.Rate, e2e8.Rate / raw8.Rate));
        var rateMet = e2e8.Rate / raw8.Rate >= RateGoal;
        var p50Met = e2e1.P50Ms <= P50GoalMs && e2e8.P50Ms <= P50GoalMs;
        await output.WriteLineAsync(F("goal e2e >= {0}x raw at 8 buyers: {1} ({2:F3}x)", RateGoal, rateMet ? "MET" : "NOT MET", e2e8.Rate / raw8.Rate));
        await output.WriteLineAsync(F("goal p50 <= {0:F0} s: {1} (p50 {2:F0} ms at 1 buyer, {3:F0} ms at 8)", P50GoalMs / 1000, p50Met ? "MET" : "NOT MET", e2e1.P50Ms, e2e8.P50Ms));

        await output.WriteLineAsync("then the resource's first proof, in the same workflow (workflow created → Completed, by the workflow's own timestamps):");
        foreach (var row in rows.Skip(2))
        {
            await output.WriteLineAsync(F("  {0} @{1}: p50 {2:F0} ms, p99 {3:F0} ms", row.Name, row.Buyers, row.CompletedP50Ms, row.CompletedP99Ms));
        }

        await output.WriteLineAsync("where an e2e purchase spends its time until access (mean ms per purchase in each state, as the 50 ms polls saw it; share of the total):");
        foreach (var row in rows.Skip(2))
        {
            var total = row.MeanTimeline.Sum(t => t.MeanMs);
            await output.WriteLineAsync(F("  {0} @{1}: {2}", row.Name, row.Buyers,
                string.Join(", ", row.MeanTimeline.Select(t => F("{0} {1:F0} ({2:P0})", t.State, t.MeanMs, t.MeanMs / total)))));
        }

        await output.WriteLineAsync(F("where the machine's CPU went in each phase (CPU seconds by process; share of the {0} cores over the phase's wall time):", Environment.ProcessorCount));
        foreach (var row in rows)
        {
            var capacity = row.ElapsedSeconds * Environment.ProcessorCount;
            await output.WriteLineAsync(F("  {0} @{1} ({2:F1} s): {3}", row.Name, row.Buyers, row.ElapsedSeconds,
                string.Join(", ", row.Cpu.Where(c => c.Seconds >= 0.05).Select(c => F("{0} {1:F1} ({2:P0})", c.Kind, c.Seconds, c.Seconds / capacity)))));
        }

        foreach (var row in new[] { e2e1, e2e8 })
        {
            var top = row.MeanTimeline.OrderByDescending(t => t.MeanMs).Take(2).ToList();
            await output.WriteLineAsync(F("dominant at {0} buyer(s), default settings: {1}", row.Buyers,
                string.Join(", then ", top.Select(t => F("{0} ({1:F0} ms mean)", t.State, t.MeanMs)))));
        }
    }

    private static string F(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}
