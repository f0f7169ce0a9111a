using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Settlement;

/// <summary>
/// A local stack of the settlement tests' own. No local host runs while a test sets up its rentals and proofs with
/// the parties' own transactions (the test sends challenges from the challenger key, which a host's settlement also
/// sends from): each test starts the host that settles them, and stops it before it ends.
/// </summary>
public sealed class SettlementFixture : LocalStack
{
    /// <summary>A task-hub message a killed host took shows again after this (Durable's default is 5 minutes).</summary>
    public const string MessageVisibility = "00:00:10";

    protected override int InitialHosts => 0;

    /// <summary>A local host on the stack's storage; with <paramref name="killAt"/> it SIGKILLs itself at that activity boundary.</summary>
    public Task<LocalHostProcess> StartSettlementHostAsync(string? killAt = null)
    {
        var settings = new Dictionary<string, string> { ["LocalHost__MessageVisibilityTimeout"] = MessageVisibility };
        if (killAt is not null)
        {
            settings["LocalHost__KillAt"] = killAt;
        }

        return StartHostAsync(settings);
    }

    public async Task StopAllHostsAsync()
    {
        foreach (var host in Hosts.ToList())
        {
            await StopHostAsync(host);
        }
    }
}

/// <summary>The settlement tests share one stack and run one after another (each judges balances by their change).</summary>
[CollectionDefinition(Name)]
public sealed class SettlementStackTests : ICollectionFixture<SettlementFixture>
{
    public const string Name = "settlement stack";
}
