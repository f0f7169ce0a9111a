using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using PowerVerse.LocalHost.TestApp;
using PowerVerse.Testing;

using PowerVerse.Functions.Hosting;

namespace PowerVerse.LocalHost.Tests;

/// <summary>The test app in a real local host process on its own Azurite: HTTP, queue and timer triggers, and Durable across SIGKILLs.</summary>
public sealed class LocalHostProcessTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new();
    private AzuriteServer? _storage;

    public async Task InitializeAsync() => _storage = await AzuriteServer.StartAsync();

    public async Task DisposeAsync() => await _storage!.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Http_RoutesMethodsAndConstraints_AsDeclared()
    {
        await using var host = await LocalHostProcess.StartAsync(_storage!);

        var echo = await _http.GetFromJsonAsync<JsonElement>(new Uri(host.Url, "api/echo/42?q=x"));
        Assert.Equal(42, echo.GetProperty("id").GetInt32());
        Assert.Equal("x", echo.GetProperty("query").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(new Uri(host.Url, "api/echo/abc"))).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _http.PostAsync(new Uri(host.Url, "api/echo/42"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync(new Uri(host.Url, "echo/42"))).StatusCode);
    }

    [Fact]
    public async Task Queue_SuccessDeletes_FailureRetriedThenPoisonedAfterMaxDequeueCount()
    {
        await using var host = await LocalHostProcess.StartAsync(_storage!);
        var queue = new QueueClient(_storage!.ConnectionString, "work-items");
        var poison = new QueueClient(_storage.ConnectionString, "work-items-poison");
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("""{"name":"good","fail":false}""");
        await queue.SendMessageAsync("""{"name":"bad","fail":true}""");
        await queue.SendMessageAsync("not json at all");

        await EventuallyAsync(async () => (await PeekAsync(poison)).Count == 2);
        Assert.Equal(["bad", "good"], (await RowsAsync("work")).Select(r => r.GetString("What")).Distinct().Order());
        // host.json's maxDequeueCount is 5: the failing item ran five times, the good one once.
        Assert.Equal(5, (await RowsAsync("work")).Count(r => r.GetString("What") == "bad"));
        Assert.Single(await RowsAsync("work"), r => r.GetString("What") == "good");
        Assert.Equal(["not json at all", """{"name":"bad","fail":true}"""], (await PeekAsync(poison)).Order());
        Assert.Empty(await PeekAsync(queue));
    }

    [Fact]
    public async Task Timer_RunsOnItsSchedule()
    {
        await using var host = await LocalHostProcess.StartAsync(_storage!);

        // "*/2 * * * * *": every two seconds.
        await EventuallyAsync(async () => (await RowsAsync("tick")).Count >= 3);
    }

    [Fact]
    public async Task Orchestration_KilledWaitingOnTimerThenOnEvent_CompletesWithEachEffectOnce()
    {
        var host = await LocalHostProcess.StartAsync(_storage!);
        var port = host.Url.Port;
        try
        {
            Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync(new Uri(host.Url, "api/credits/alice?timer=6"), null)).StatusCode);
            await EventuallyAsync(async () => (await RowsAsync("alice")).Any(r => r.RowKey == "first"), host);

            // Killed while the orchestration waits on its 6-second durable timer.
            await host.KillAsync();
            await host.DisposeAsync();
            host = await LocalHostProcess.StartAsync(_storage!, port);
            await EventuallyAsync(async () => (await RowsAsync("alice")).Any(r => r.RowKey == "after-timer"), host);
            Assert.NotEqual("Completed", (await StatusAsync(host)).GetProperty("status").GetString());

            // Killed while it waits on the external event (the instance's status row can lag the history after a kill, so
            // the test goes by the effects the orchestration has applied, not by that row).
            await host.KillAsync();
            await host.DisposeAsync();
            host = await LocalHostProcess.StartAsync(_storage!, port);
            Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync(new Uri(host.Url, "api/credits/alice/bonus/7"), null)).StatusCode);
            await EventuallyAsync(async () => (await StatusAsync(host)).GetProperty("status").GetString() == "Completed", host);

            Assert.Equal("37", (await StatusAsync(host)).GetProperty("output").GetString());
            var credits = (await RowsAsync("alice")).ToDictionary(r => r.RowKey, r => r.GetInt64("Amount"));
            Assert.Equal(new Dictionary<string, long?> { ["first"] = 10, ["after-timer"] = 20, ["bonus"] = 7 }, credits);
            // Activities run at least once (a kill between an activity's effect and its recorded completion runs it
            // again), which is why every effect is keyed: above, each credit was applied exactly once.
            Assert.Equal(["after-timer", "bonus", "first"], (await RowsAsync("runs-alice")).Select(r => r.GetString("What")).Distinct().Order());
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private async Task<JsonElement> StatusAsync(LocalHostProcess host) =>
        await _http.GetFromJsonAsync<JsonElement>(new Uri(host.Url, "api/credits/alice"));

    private Task<List<TableEntity>> RowsAsync(string partition) => TestLedger.RowsAsync(_storage!, partition);

    private static async Task<List<string>> PeekAsync(QueueClient queue)
    {
        await queue.CreateIfNotExistsAsync();
        return (await queue.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).ToList();
    }

    private static Task EventuallyAsync(Func<Task<bool>> condition, LocalHostProcess? host = null) => Eventually.ReachedAsync(condition, host);
}
