using System.Web;
using Azure.Storage;
using Azure.Storage.Queues;
using Microsoft.OpenApi;
using PowerVerse.Functions.AgentAccess;
using PowerVerse.Functions.Hosting;
using PowerVerse.Functions.OpenApi;
using PowerVerse.Testing;

namespace PowerVerse.Functions.Tests.AgentAccess;

/// <summary>The SAS an agent gets (DESIGN §3): one per queue, the exact permissions, the requested expiry; its queues created.</summary>
public sealed class AgentSasIssuerTests
{
    private const string Agent = "0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1";

    [Fact]
    public async Task IssueAsync_Agent_CreatesItsQueuesAndSignsOneSasPerQueue()
    {
        var azurite = await AzuriteServer.Shared;
        var service = new QueueServiceClient(azurite.ConnectionString);
        var issuer = new AgentSasIssuer(service, new StorageSharedKeyCredential(AzuriteServer.AccountName, AzuriteServer.AccountKey));
        var expires = new DateTimeOffset(2099, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var view = await issuer.IssueAsync(Agent, expires, CancellationToken.None);

        Assert.Equal((Agent, "2099-01-02T03:04:05Z"), (view.Agent, view.Expires));
        const string queue = "agent-90f8bf6a479f320ead074411a4b0e7944ea8c9c1";
        Assert.True((await service.GetQueueClient(queue).ExistsAsync()).Value);
        Assert.True((await service.GetQueueClient(queue + "-poison").ExistsAsync()).Value);
        Assert.Equal((queue, "rup"), Sas(view.Queue));
        Assert.Equal((queue + "-poison", "a"), Sas(view.Poison));
        Assert.Equal(("proof-results", "a"), Sas(view.Results));
        Assert.Equal(("agent-events", "a"), Sas(view.Events));
        Assert.All(new[] { view.Queue, view.Poison, view.Results, view.Events }, u => Assert.Equal("2099-01-02T03:04:05Z", HttpUtility.ParseQueryString(u.Query)["se"]));
    }

    [Fact]
    public void OpenApi_PostAgentSas_TakesTheSignedBodyAndAnswers200OrItsProblems()
    {
        var operation = OpenApiDocumentFactory.Create(typeof(FunctionsApp).Assembly).Paths["/api/agents/sas"].Operations![HttpMethod.Post];

        Assert.Equal("PostAgentSas", operation.OperationId);
        Assert.NotNull(operation.RequestBody);
        Assert.Equal(["200", "400", "401", "403", "413", "503"], operation.Responses!.Keys.Order(StringComparer.Ordinal));
    }

    private static (string Queue, string? Permissions) Sas(Uri url) =>
        (new QueueUriBuilder(url).QueueName, HttpUtility.ParseQueryString(url.Query)["sp"]);
}
