namespace PowerVerse.Benchmarks.Purchases;

/// <summary>A phase's purchases: their rate over the phase's wall time, latency percentiles and where the time went.</summary>
internal sealed record PhaseResult(string Name, int Buyers, IReadOnlyList<PurchaseSample> Samples, double ElapsedSeconds)
{
    public int Count => Samples.Count;

    public double Rate => Count / ElapsedSeconds;

    public double P50Ms => Percentile(0.50);

    public double P99Ms => Percentile(0.99);

    /// <summary>Mean time per purchase in each state, in the workflow's order (states it does not know last).</summary>
    public IReadOnlyList<(string State, double MeanMs)> MeanTimeline =>
        [.. Samples.SelectMany(s => s.Timeline).GroupBy(t => t.State)
            .OrderBy(g => Order.IndexOf(g.Key) is var i and >= 0 ? i : int.MaxValue)
            .Select(g => (g.Key, g.Sum(t => t.Ms) / Count))];

    // "post" is the POST itself; then the workflow's status until it sets a step, then its steps (DESIGN §3).
    private static readonly List<string> Order =
        ["post", "unknown", "pending", "running", "relaying", "confirming", "indexing", "granting", "awaiting-agent", "recording-access", "done"];

    private double Percentile(double p)
    {
        var sorted = Samples.Select(s => s.LatencyMs).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
