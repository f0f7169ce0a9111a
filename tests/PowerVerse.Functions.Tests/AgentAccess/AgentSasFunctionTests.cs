using System.Text;
using Azure.Storage;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.Signer;
using PowerVerse.Functions.AgentAccess;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.Tests.Support;
using SasRequest = PowerVerse.Client.Api.AgentSasRequest;

namespace PowerVerse.Functions.Tests.AgentAccess;

/// <summary>
/// <c>POST /api/agents/sas</c>'s function on the real chain and Azurite: an agent whose clock runs a little ahead is
/// served (until the time it asked for), and a signing key that is not a key answers 503 problem+json.
/// </summary>
public sealed class AgentSasFunctionTests(AgentChainFixture chain) : IClassFixture<AgentChainFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PostAgentSas_AgentClockAheadWithinSkew_IssuedUntilTheRequestedTime()
    {
        var agent = EthECKey.GenerateKey();
        await chain.RegisterAsync(agent);
        var expires = Now + AgentAccessOptions.DefaultMaxLifetime + TimeSpan.FromMinutes(2);

        var result = await CreateSut().PostAgentSas(Request(SasRequest.Sign(agent, expires).ToJsonString()), CancellationToken.None);

        var view = Assert.IsType<JsonHttpResult<AgentSasView>>(result).Value!;
        Assert.Equal(AgentSasView.Time(expires), view.Expires);
        Assert.Contains("se=" + Uri.EscapeDataString(SasRequest.Time(expires)), view.Queue.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAgentSas_BeyondMaxLifetimeAndSkew_LifetimeTooLong()
    {
        var agent = EthECKey.GenerateKey();
        await chain.RegisterAsync(agent);
        var expires = Now + AgentAccessOptions.DefaultMaxLifetime + AgentAccessOptions.ClockSkew + TimeSpan.FromSeconds(1);

        var result = await CreateSut().PostAgentSas(Request(SasRequest.Sign(agent, expires).ToJsonString()), CancellationToken.None);

        Assert.Equal((400, "lifetime-too-long"), Problem(result));
    }

    [Fact]
    public async Task PostAgentSas_AccountKeyAnUnresolvedKeyVaultReference_ServiceUnavailableProblem()
    {
        var agent = EthECKey.GenerateKey();
        await chain.RegisterAsync(agent);
        var options = new AgentAccessOptions { AccountKey = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/agent-queues-key/)" };
        var queues = new QueueServiceClient(chain.StorageConnectionString);
        var issuer = new AgentSasIssuer(queues, new Lazy<StorageSharedKeyCredential>(() =>
            new StorageSharedKeyCredential(queues.AccountName, AgentAccessRegistration.AccountKey(options, new ConfigurationBuilder().Build()))));

        var result = await CreateSut(issuer).PostAgentSas(Request(SasRequest.Sign(agent, Now.AddHours(1)).ToJsonString()), CancellationToken.None);

        Assert.Equal((503, "agent-queues-unavailable"), Problem(result));
        Assert.Equal(ApiResults.ProblemContentType, Assert.IsAssignableFrom<IContentTypeHttpResult>(result).ContentType);
        Assert.False((await queues.GetQueueClient("agent-" + agent.GetPublicAddress()[2..].ToLowerInvariant()).ExistsAsync()).Value);
    }

    private AgentSasFunction CreateSut(AgentSasIssuer? issuer = null)
    {
        var queues = new QueueServiceClient(chain.StorageConnectionString);
        issuer ??= new AgentSasIssuer(queues, new StorageSharedKeyCredential(queues.AccountName, Testing.AzuriteServer.AccountKey));
        return new AgentSasFunction(new AgentAccessOptions(), chain.Agents, issuer, new FixedTime(Now), NullLogger<AgentSasFunction>.Instance);
    }

    private static HttpRequest Request(string body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/agents/sas";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }

    private static (int Status, string Slug) Problem(IResult result)
    {
        var problem = Assert.IsType<JsonHttpResult<PowerVerse.Views.ProblemView>>(result).Value!;
        return (problem.Status, problem.Type.ToString().Split('/')[^1]);
    }
}
