using PowerVerse.Client.Accounts;
using PowerVerse.Dashboard.Tests.Browser;
using PowerVerse.Dashboard.Tests.Wallet;
using PowerVerse.Testing;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Dashboard.Tests.Stack;

/// <summary>
/// The local stack of the Workflows tests (Hardhat with the suite deployed and the DAO seeded, Azurite, a real
/// gpu-agent on the CPU backend) with its local host serving the dashboard, published once for the run, on a loopback
/// port of its own next to the API, and Chromium to drive it. Everything is stopped after.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The local stack of ./pv up, not a Stack<T>.")]
public sealed class DashboardStack : LocalStack
{
    private readonly string _site = Directory.CreateTempSubdirectory("pv-dashboard-").FullName;

    public ChromiumBrowser Browser { get; } = new();

    /// <summary>The dashboard's origin, e.g. <c>http://127.0.0.1:NNNN/</c>.</summary>
    public Uri DashboardUrl { get; private set; } = null!;

    public long ChainId { get; private set; }

    protected override int InitialHosts => 0;

    public override async Task InitializeAsync()
    {
        DashboardPublish.RequireProject();
        // The publish (a minute or so) runs while the chain, storage and agent start.
        var published = DashboardPublish.PublishAsync(_site);
        await base.InitializeAsync();
        var site = await published;
        ChainId = (long)(await Web3.Eth.ChainId.SendRequestAsync()).Value;
        var host = await StartHostAsync(new Dictionary<string, string>
        {
            ["LocalHost__DashboardPath"] = site,
            ["LocalHost__DashboardUrls"] = "http://127.0.0.1:0",
            // The "local test account" choice of the top bar, as on ./pv up.
            ["LocalHost__DashboardLocalRpc"] = Node.RpcUrl.ToString(),
        });
        var line = await host.WaitForLineAsync(ListeningLine.Dashboard, TimeSpan.FromSeconds(60));
        DashboardUrl = ListeningLine.Url(line, ListeningLine.Dashboard);
    }

    /// <summary>Hardhat account <paramref name="account"/> (#4–#9 hold test PVC and tUSD) at the dashboard, its key in the injected wallet.</summary>
    public Task<DashboardSession> OpenAsync(int account, string scenario)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(account, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(account, 9);
        return DashboardSession.OpenAsync(Browser, DashboardUrl, new TestWallet(HardhatAccounts.Key(account), ChainId, Node.RpcUrl), scenario);
    }

    public override async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await base.DisposeAsync();
        Directory.Delete(_site, recursive: true);
    }
}
