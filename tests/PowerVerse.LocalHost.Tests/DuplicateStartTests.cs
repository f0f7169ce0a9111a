using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.Extensions.Configuration;
using PowerVerse.LocalHost.Hosting;
using PowerVerse.Testing;

namespace PowerVerse.LocalHost.Tests;

/// <summary>
/// A start message delivered again to an orchestration that has started, as Azure Storage delivers it when a process
/// dies between a step's history write and the deletion of the step's messages: the local host drops it, as Durable
/// in Azure does (<see cref="DuplicateStartFilteringOrchestrationService"/>), and the orchestration runs on.
/// </summary>
public sealed class DuplicateStartTests : IAsyncLifetime, IDisposable
{
    private const string Account = "carol";
    private const string Dropped = $"Duplicate start event for orchestration {Account}";

    private readonly HttpClient _http = new();
    private AzuriteServer? _storage;

    public async Task InitializeAsync() => _storage = await AzuriteServer.StartAsync();

    public async Task DisposeAsync() => await _storage!.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Orchestration_StartMessageDeliveredAgain_DroppedAndCompletesWithEachActivityOnce()
    {
        await using var host = await LocalHostProcess.StartAsync(_storage!);
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync(new Uri(host.Url, $"api/credits/{Account}?timer=1"), null)).StatusCode);
        // Its second credit is in: it has started (long since written) and now waits for the bonus event.
        await Eventually.ReachedAsync(async () => (await TestLedger.CreditsAsync(_storage!, Account)).ContainsKey("after-timer"), host);

        await SendStartAgainAsync();
        // Dropped before the event is raised, so the duplicate meets a running instance (a completed one's messages are
        // discarded by Azure Storage before any dispatcher sees them).
        await Eventually.ReachedAsync(() => Task.FromResult(host.Output.Contains(Dropped, StringComparison.Ordinal)), host);
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync(new Uri(host.Url, $"api/credits/{Account}/bonus/7"), null)).StatusCode);
        await Eventually.ReachedAsync(async () => (await StatusAsync(host)).GetProperty("status").GetString() == "Completed", host);

        Assert.Equal("37", (await StatusAsync(host)).GetProperty("output").GetString());
        Assert.Equal(new Dictionary<string, long?> { ["first"] = 10, ["after-timer"] = 20, ["bonus"] = 7 }, await TestLedger.CreditsAsync(_storage!, Account));
        // Once each: the second start did not start the orchestration over.
        Assert.Equal(new Dictionary<string, int> { ["first"] = 1, ["after-timer"] = 1, ["bonus"] = 1 }, await TestLedger.RunsAsync(_storage!, Account));
        Assert.DoesNotContain("Multiple ExecutionStartedEvent", host.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Puts the instance's start message on its control queue again, as the task hub's own client sends it: same
    /// instance, same execution, so Azure Storage's check against the Instances table lets it through to the dispatcher.
    /// </summary>
    private async Task SendStartAgainAsync()
    {
        var app = RepoPaths.BuildOutput(Path.Combine("tests", "PowerVerse.LocalHost.TestApp"), "PowerVerse.LocalHost.TestApp.dll");
        var hub = HostSettings.Load(Path.Combine(Path.GetDirectoryName(app)!, "host.json"), new ConfigurationBuilder().Build()).HubName;
        using var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = hub,
            StorageAccountClientProvider = new StorageAccountClientProvider(_storage!.ConnectionString),
        });
        var state = (await service.GetOrchestrationStateAsync(Account, allExecutions: false)).Single();
        var start = new ExecutionStartedEvent(-1, state.Input)
        {
            Name = state.Name,
            Version = state.Version,
            OrchestrationInstance = state.OrchestrationInstance,
        };
        await service.SendTaskOrchestrationMessageAsync(new TaskMessage { OrchestrationInstance = state.OrchestrationInstance, Event = start });
    }

    private async Task<JsonElement> StatusAsync(LocalHostProcess host) =>
        await _http.GetFromJsonAsync<JsonElement>(new Uri(host.Url, $"api/credits/{Account}"));
}
