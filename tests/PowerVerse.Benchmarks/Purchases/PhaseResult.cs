namespace PowerVerse.Benchmarks.Purchases;

/// <summary>
/// A phase's purchases: their rate over the phase's wall time, latency percentiles and where the time went; for an
/// end-to-end phase also each purchase's time until its workflow completed (the resource's first proof verified).
/// </summary>
internal sealed record PhaseResult(string Name, int Buyers, IReadOnlyList<PurchaseSample> Samples, double ElapsedSeconds)
{
    public int Count => Samples.Count;

    public double Rate => Count / ElapsedSeconds;

    public double P50Ms => Percentile(Samples.Select(s => s.LatencyMs), 0.50);

    public double P99Ms => Percentile(Samples.Select(s => s.LatencyMs), 0.99);

    /// <summary>Workflow created → Completed, per purchase; empty for a phase without workflows.</summary>
    public IReadOnlyList<double> CompletedMs { get; init; } = [];

    public double CompletedP50Ms => Percentile(CompletedMs, 0.50);

    public double CompletedP99Ms => Percentile(CompletedMs, 0.99);

    /// <summary>CPU seconds the machine's processes spent during the phase, by kind of process, most first.</summary>
    public IReadOnlyList<(string Kind, double Seconds)> Cpu { get; init; } = [];

    /// <summary>Mean time per purchase in each state, in the workflow's order (states it does not know last).</summary>
    public IReadOnlyList<(string State, double MeanMs)> MeanTimeline =>
        [.. Samples.SelectMany(s => s.Timeline).GroupBy(t => t.State)
            .OrderBy(g => Array.IndexOf(ApiPurchase.UntilAccess, g.Key) is var i and >= 0 ? i : int.MaxValue)
            .Select(g => (g.Key, g.Sum(t => t.Ms) / Count))];

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
