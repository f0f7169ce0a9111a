using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PowerVerse.Functions.Hosting;
using PowerVerse.Functions.Indexer;

namespace PowerVerse.Functions.Timers;

/// <summary>Every few seconds, indexes what the chain has confirmed since the last run (DESIGN §3, Indexer).</summary>
public sealed partial class IndexerFunction(IServiceProvider services, ChainSettings chain, ILogger<IndexerFunction> log)
{
    [Function("Indexer")]
    public async Task Run([TimerTrigger("*/3 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (!chain.IsConfigured)
        {
            LogNotConfigured();
            return;
        }

        var last = await services.GetRequiredService<ChainIndexer>().RunOnceAsync(cancellationToken);
        LogIndexed(last?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing");
    }

    [LoggerMessage(LogLevel.Debug, "Chain indexer: Chain:RpcUrl and Chain:Manifest are not set; nothing to follow")]
    private partial void LogNotConfigured();

    [LoggerMessage(LogLevel.Debug, "Chain indexed up to block {Block}")]
    private partial void LogIndexed(string block);
}
