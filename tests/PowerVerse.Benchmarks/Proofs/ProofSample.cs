using System.Globalization;

namespace PowerVerse.Benchmarks.Proofs;

/// <summary>One proof: its challenge, the whole latency from the POST, the overhead around the agent's solve, and the solve.</summary>
internal sealed record ProofSample(string ChallengeId, double LatencyMs, double OverheadMs, double SolveMs)
{
    /// <summary>A markdown row for one phase.</summary>
    public static string Row(int inFlight, IReadOnlyList<ProofSample> samples, double seconds) => string.Format(CultureInfo.InvariantCulture,
        "| {0} | {1} | {2:F2} | {3:F0} ms | {4:F0} ms | {5:F0} ms | {6:F0} ms |",
        inFlight, samples.Count, samples.Count / seconds,
        Percentile(samples.Select(s => s.OverheadMs), 0.50), Percentile(samples.Select(s => s.OverheadMs), 0.99),
        samples.Average(s => s.SolveMs), Percentile(samples.Select(s => s.LatencyMs), 0.50));

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
