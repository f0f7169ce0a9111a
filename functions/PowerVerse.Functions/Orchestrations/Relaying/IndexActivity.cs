using Microsoft.DurableTask;
using PowerVerse.Functions.Indexer;

namespace PowerVerse.Functions.Orchestrations.Relaying;

/// <summary>Brings the read model up to the write's block, so the API shows what the write did once its workflow moves on.</summary>
[DurableTask(Name)]
public sealed class IndexActivity(ChainIndexer indexer, RelayOptions options) : TaskActivity<long, long>
{
    public const string Name = "Index";

    public override async Task<long> RunAsync(TaskActivityContext context, long input)
    {
        using var timeout = new CancellationTokenSource(options.IndexTimeout);
        return (long)await indexer.EnsureIndexedAsync(input, timeout.Token);
    }
}
