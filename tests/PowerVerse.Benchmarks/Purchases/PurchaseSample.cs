namespace PowerVerse.Benchmarks.Purchases;

/// <summary>
/// One purchase as the buyer saw it: its latency (request sent → purchase done) and, for a workflow, how long it was
/// seen in each state ("post" for the POST itself, then the workflow's step or status as each 50 ms poll saw it).
/// </summary>
internal sealed record PurchaseSample(double LatencyMs, IReadOnlyList<(string State, double Ms)> Timeline);
