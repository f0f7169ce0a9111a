using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PowerVerse.Functions.Hosting;
using PowerVerse.Functions.Orchestrations.Settlement;

namespace PowerVerse.Functions.Timers;

/// <summary>
/// Every ten seconds, starts the settlement of each escrow whose rental has ended by the chain's clock (DESIGN §3,
/// Settlement: settle expired escrows, SLA refunds). Cheap when nothing is due: one range query of the read model
/// and one block read. Ten seconds, not a minute, keeps settlement well inside the challenger's dispute window.
/// </summary>
public sealed partial class SettlementTimerFunction(IServiceProvider services, ChainSettings chain, ILogger<SettlementTimerFunction> log)
{
    [Function("SettlementTimer")]
    public async Task Run(
        [TimerTrigger("*/10 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!chain.IsConfigured)
        {
            LogNotConfigured();
            return;
        }

        var started = await services.GetRequiredService<SettlementScheduler>().StartDueAsync(client, cancellationToken);
        LogRan(started);
    }

    [LoggerMessage(LogLevel.Debug, "Settlement timer: Chain:RpcUrl and Chain:Manifest are not set; nothing to settle")]
    private partial void LogNotConfigured();

    [LoggerMessage(LogLevel.Debug, "Settlement timer started {Count} settlements")]
    private partial void LogRan(int count);
}
