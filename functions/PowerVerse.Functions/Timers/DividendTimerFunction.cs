using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PowerVerse.Domain.Dividends;
using PowerVerse.Functions.Hosting;
using PowerVerse.Functions.Orchestrations.Dividends;

namespace PowerVerse.Functions.Timers;

/// <summary>
/// On the first of every month (01:00 UTC) starts the dividend workflow of the month before, in chain time (DESIGN §3,
/// Monthly dividend). A month can also be run on demand through the <c>dividend-runs</c> queue.
/// </summary>
public sealed partial class DividendTimerFunction(IServiceProvider services, ChainSettings chain, ILogger<DividendTimerFunction> log)
{
    [Function("DividendTimer")]
    public async Task Run(
        [TimerTrigger("0 0 1 1 * *")] TimerInfo timer, [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        if (!chain.IsConfigured)
        {
            LogNotConfigured();
            return;
        }

        var (_, now) = await services.GetRequiredService<DividendChain>().HeadAsync();
        var (id, started) = await DividendRuns.StartAsync(workflows, DividendPeriod.Of(now).Previous, cancellationToken);
        LogStarted(id, started);
    }

    [LoggerMessage(LogLevel.Warning, "Dividend timer: Chain:RpcUrl and Chain:Manifest are not set; no dividend to run")]
    private partial void LogNotConfigured();

    [LoggerMessage(LogLevel.Information, "Dividend timer: workflow {Id} (started now: {Started})")]
    private partial void LogStarted(string id, bool started);
}
