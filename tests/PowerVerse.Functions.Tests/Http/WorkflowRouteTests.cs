using System.Net;
using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core;

namespace PowerVerse.Functions.Tests.Http;

/// <summary>GET /api/workflows/{id} reads the Durable task hub the local host runs on (Azure Storage backend on Azurite).</summary>
[Collection(ReadApiGroup.Name)]
public sealed class WorkflowRouteTests(ReadApiFixture api)
{
    [Fact]
    public async Task Workflow_OrchestratorTheAppLacks_ReportedFailed()
    {
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = "PowerVerse",
            StorageAccountClientProvider = new StorageAccountClientProvider(api.Azurite.ConnectionString),
        });
        var id = "wf-" + Guid.NewGuid().ToString("N");
        // Tags as the Durable Task SDK's client always sends them (the sidecar cannot read an instance without).
        await new TaskHubClient(service).CreateOrchestrationInstanceAsync("NoSuchWorkflow", string.Empty, id, new { step = 1 }, new Dictionary<string, string>());

        JsonElement workflow = default;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            using var response = await api.GetAsync($"api/workflows/{id}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, api.Output);
            workflow = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (workflow.GetProperty("status").GetString() == "Failed")
            {
                break;
            }

            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);

        Assert.True(workflow.GetProperty("status").GetString() == "Failed", workflow.ToString());
        Assert.Equal("NoSuchWorkflow", workflow.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, workflow.GetProperty("currentStep").ValueKind);
        // The local sidecar over the Azure Storage backend returns no failure details for this failure (the route
        // maps them when Durable has them); the field is there, null or the reason.
        Assert.Contains(workflow.GetProperty("failure").ValueKind, new[] { JsonValueKind.Null, JsonValueKind.Object });
    }
}
