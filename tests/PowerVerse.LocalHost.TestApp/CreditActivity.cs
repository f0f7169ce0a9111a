using Microsoft.DurableTask;

namespace PowerVerse.LocalHost.TestApp;

/// <summary>One keyed credit; activities run at least once, so the effect is keyed.</summary>
public sealed class CreditActivity(Ledger ledger) : TaskActivity<Credit, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Credit input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Every run is recorded (not keyed), so a test can tell a replayed orchestration from a re-run activity.
        await ledger.RecordAsync("runs-" + input.Account, input.Key);
        return await ledger.CreditOnceAsync(input.Account, input.Key, input.Amount);
    }
}

public sealed record Credit(string Account, string Key, long Amount);
