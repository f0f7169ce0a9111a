using PowerVerse.GpuAgent.Agent;
using PowerVerse.Testing;

namespace PowerVerse.GpuAgent.Tests.Agent;

public sealed class AgentQueuesTests
{
    private const string Agent = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

    [Fact]
    public async Task From_ConnectionString_NamesTheAgentQueueItsPoisonQueueAndTheSharedOnes()
    {
        var azurite = await AzuriteServer.Shared;

        var queues = AgentQueues.From(new AgentOptions(["--storage", azurite.ConnectionString], new Dictionary<string, string?>()), Agent);

        Assert.Equal("agent-5fbdb2315678afecb367f032d93f642f64180aa3", queues.Challenges.Name);
        Assert.Equal("agent-5fbdb2315678afecb367f032d93f642f64180aa3-poison", queues.Poison.Name);
        Assert.Equal(("proof-results", "agent-events"), (queues.Results.Name, queues.Events.Name));
        Assert.True(queues.MayCreate);
    }

    [Fact]
    public void From_SasUrlsWithoutPoisonUrl_PutsThePoisonQueueBesideTheAgentQueueWithTheSameQuery()
    {
        string[] args =
        [
            "--queue-url", "https://acct.queue.core.windows.net/agent-5fbdb2315678afecb367f032d93f642f64180aa3?sv=2025-01-05&sp=rup&sig=abc",
            "--results-url", "https://acct.queue.core.windows.net/proof-results?sv=2025-01-05&sp=a&sig=def",
            "--events-url", "https://acct.queue.core.windows.net/agent-events?sv=2025-01-05&sp=a&sig=ghi",
        ];

        var queues = AgentQueues.From(new AgentOptions(args, new Dictionary<string, string?>()), Agent);

        Assert.Equal("https://acct.queue.core.windows.net/agent-5fbdb2315678afecb367f032d93f642f64180aa3-poison?sv=2025-01-05&sp=rup&sig=abc", queues.Poison.Uri.AbsoluteUri);
        Assert.Equal("proof-results", queues.Results.Name);
        Assert.False(queues.MayCreate);
    }
}
