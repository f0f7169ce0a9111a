using Microsoft.DurableTask;

namespace PowerVerse.LocalHost.TestApp;

/// <summary>Credit 10, wait on a durable timer, credit 20, wait for the "bonus" event, credit it; returns the total.</summary>
public sealed class CreditOrchestrator : TaskOrchestrator<int, long>
{
    public const string BonusEvent = "bonus";

    public override async Task<long> RunAsync(TaskOrchestrationContext context, int timerSeconds)
    {
        ArgumentNullException.ThrowIfNull(context);
        var account = context.InstanceId;
        await context.CallActivityAsync<bool>(nameof(CreditActivity), new Credit(account, "first", 10));
        await context.CreateTimer(TimeSpan.FromSeconds(timerSeconds), CancellationToken.None);
        await context.CallActivityAsync<bool>(nameof(CreditActivity), new Credit(account, "after-timer", 20));
        var bonus = await context.WaitForExternalEvent<long>(BonusEvent);
        await context.CallActivityAsync<bool>(nameof(CreditActivity), new Credit(account, "bonus", bonus));
        return 30 + bonus;
    }
}
