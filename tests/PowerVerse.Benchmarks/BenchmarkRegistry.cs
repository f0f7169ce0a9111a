namespace PowerVerse.Benchmarks;

/// <summary>Every benchmark <c>./pv bench</c> knows; add one line per new benchmark.</summary>
internal static class BenchmarkRegistry
{
    public static IReadOnlyList<IBenchmark> All { get; } =
    [
        new AgentHashRateBenchmark(),
        new CryptoBenchmark(),
        new SenderBenchmark(),
        new ReadApiBenchmark(),
        new IndexerBenchmark(),
        new PurchaseBenchmark(),
        new ProofBenchmark(),
        new DashboardBenchmark(),
    ];
}
