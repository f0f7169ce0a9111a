using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PowerVerse.Functions.Hosting;
using PowerVerse.Functions.Orchestrations.Proofs;

namespace PowerVerse.Functions.Timers;

/// <summary>
/// Twice a minute, starts the platform's proofs that are due (<see cref="ProofCadence"/>): each listed or rented
/// resource once per the DAO's challenge cooldown. <c>Proofs:Cadence</c> overrides the cooldown; <c>0</c> turns it off.
/// </summary>
public sealed partial class ProofCadenceFunction(IServiceProvider services, ChainSettings chain, ILogger<ProofCadenceFunction> log)
{
    [Function("ProofCadence")]
    public async Task Run(
        [TimerTrigger("*/30 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        var cadence = services.GetRequiredService<ProofCadence>();
        if (!chain.IsConfigured || cadence.IsOff)
        {
            return;
        }

        var started = await cadence.RunAsync(workflows, cancellationToken);
        if (started.Count > 0)
        {
            LogStarted(started.Count, string.Join(", ", started));
        }
    }

    [LoggerMessage(LogLevel.Information, "Proof cadence started {Count} platform proofs: {Instances}")]
    private partial void LogStarted(int count, string instances);
}
