using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.CrashSafety;

/// <summary>
/// A local stack of the crash tests' own with no local host running between cases, so that the host a case starts with
/// a crash point is the only worker of the task hub (another would run the activity and miss the point), and the
/// market the cases use, set up with the parties' own transactions before any host runs.
/// </summary>
public sealed class CrashSafetyFixture : LocalStack
{
    /// <summary>
    /// How long a task-hub message a worker took stays hidden: a process killed before it recorded an activity's
    /// completion leaves the activity's message taken, and the next process runs it again once it shows (Durable's
    /// default is 5 minutes; the local host's own kill test uses 10 s).
    /// </summary>
    public const string MessageVisibility = "00:00:10";

    protected override int InitialHosts => 0;

    /// <summary>The listed UIDs, settled incomes and the idle agent's UID, one per case.</summary>
    public CrashMarket Market { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Market = await CrashMarket.PrepareAsync(this);
    }

    public override async Task DisposeAsync()
    {
        if (Market is not null)
        {
            await Market.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    /// <summary>
    /// Starts a local host on the stack's storage; with <paramref name="killAt"/> (<c>LocalHost__KillAt</c>) it SIGKILLs
    /// itself at that activity boundary.
    /// </summary>
    public Task<LocalHostProcess> StartCrashHostAsync(string? killAt = null)
    {
        var settings = new Dictionary<string, string> { ["LocalHost__MessageVisibilityTimeout"] = MessageVisibility };
        if (killAt is not null)
        {
            settings["LocalHost__KillAt"] = killAt;
        }

        return StartHostAsync(settings);
    }

    /// <summary>Stops every local host still running (one a failed case left behind).</summary>
    public async Task StopAllHostsAsync()
    {
        foreach (var host in Hosts.ToList())
        {
            await StopHostAsync(host);
        }
    }
}
