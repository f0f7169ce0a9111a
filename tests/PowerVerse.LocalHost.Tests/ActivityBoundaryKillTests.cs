using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PowerVerse.LocalHost.Hosting;
using PowerVerse.LocalHost.TestApp;
using PowerVerse.Testing;

namespace PowerVerse.LocalHost.Tests;

/// <summary>
/// The credit orchestration with the local host killing itself (SIGKILL, <c>LocalHost:KillAt</c>) at each of its
/// activity boundaries, just before and just after the sidecar records the activity's completion, restarted after
/// every kill: each credit still lands exactly once.
/// </summary>
public sealed class ActivityBoundaryKillTests : IAsyncLifetime, IDisposable
{
    private const string Account = "bob";

    private readonly HttpClient _http = new();
    private AzuriteServer? _storage;

    public async Task InitializeAsync() => _storage = await AzuriteServer.StartAsync();

    public async Task DisposeAsync() => await _storage!.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Orchestration_KilledAroundEveryActivityCompletion_CompletesWithEachCreditOnce()
    {
        // Boundary 1, the first credit. Killed before its completion is recorded: the credit is there, nothing after it.
        await RunUntilKilledAsync(KillPoint.Completing, host => _http.PostAsync(new Uri(host.Url, $"api/credits/{Account}?timer=1"), null));
        await AssertLedgerAsync(["first"], new() { ["first"] = 1 });
        // The next process runs the activity again (at least once; the key keeps the credit single) and is killed
        // right after recording it: it is not run a third time (the last check below).
        await RunUntilKilledAsync(KillPoint.Completed);
        await AssertLedgerAsync(["first"], new() { ["first"] = 2 });

        // Boundary 2, after the durable timer.
        await RunUntilKilledAsync(KillPoint.Completing);
        await AssertLedgerAsync(["after-timer", "first"], new() { ["first"] = 2, ["after-timer"] = 1 });
        await RunUntilKilledAsync(KillPoint.Completed);
        await AssertLedgerAsync(["after-timer", "first"], new() { ["first"] = 2, ["after-timer"] = 2 });

        // Boundary 3, after the external event.
        await RunUntilKilledAsync(KillPoint.Completing, host => _http.PostAsync(new Uri(host.Url, $"api/credits/{Account}/bonus/7"), null));
        await AssertLedgerAsync(["after-timer", "bonus", "first"], new() { ["first"] = 2, ["after-timer"] = 2, ["bonus"] = 1 });
        await RunUntilKilledAsync(KillPoint.Completed);

        await using var host = await LocalHostProcess.StartAsync(_storage!);
        await Eventually.ReachedAsync(async () => (await StatusAsync(host)).GetProperty("status").GetString() == "Completed", host);
        Assert.Equal("37", (await StatusAsync(host)).GetProperty("output").GetString());
        Assert.Equal(new Dictionary<string, long?> { ["first"] = 10, ["after-timer"] = 20, ["bonus"] = 7 }, await TestLedger.CreditsAsync(_storage!, Account));
        // Twice each: once before a "completing" kill, once more after it; never after a "completed" kill.
        Assert.Equal(new Dictionary<string, int> { ["first"] = 2, ["after-timer"] = 2, ["bonus"] = 2 }, await TestLedger.RunsAsync(_storage!, Account));
    }

    /// <summary>Starts a host that kills itself at the credit activity's <paramref name="point"/>, and waits until it has.</summary>
    private async Task RunUntilKilledAsync(string point, Func<LocalHostProcess, Task<HttpResponseMessage>>? request = null)
    {
        var killAt = $"{nameof(CreditActivity)}:{point}";
        await using var host = await LocalHostProcess.StartAsync(_storage!, killAt: killAt);
        if (request is not null)
        {
            using var response = await request(host);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var exit = await host.WaitForExitAsync(Eventually.Patience);
        Assert.True(exit == LocalHostProcess.KilledBySigkill, $"The host exited with {exit}, not by SIGKILL. Its last output:\n{host.OutputTail}");
        Assert.Contains($"local host: killing itself at {killAt}", host.Output, StringComparison.Ordinal);
    }

    /// <summary>With no host running: the credits so far, and how often each one's activity ran.</summary>
    private async Task AssertLedgerAsync(string[] credits, Dictionary<string, int> runs)
    {
        Assert.Equal(credits, (await TestLedger.CreditsAsync(_storage!, Account)).Keys.Order());
        Assert.Equal(runs, await TestLedger.RunsAsync(_storage!, Account));
    }

    private async Task<JsonElement> StatusAsync(LocalHostProcess host) =>
        await _http.GetFromJsonAsync<JsonElement>(new Uri(host.Url, $"api/credits/{Account}"));
}
