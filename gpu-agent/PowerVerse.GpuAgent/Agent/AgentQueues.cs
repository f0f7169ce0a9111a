using PowerVerse.Ethereum.Crypto;
using PowerVerse.Storage.Queues;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>
/// The three queues an agent uses (DESIGN §3): its own <c>agent-&lt;address&gt;</c>, <c>proof-results</c> and
/// <c>agent-events</c>, plus the agent queue's poison queue; from a connection string (<c>--storage</c>), or from one
/// SAS URL per queue (<c>--queue-url</c>, <c>--results-url</c>, <c>--events-url</c>, <c>--poison-url</c>) as the platform
/// hands them out. A service SAS covers one queue, hence a URL for the poison queue too.
/// </summary>
internal sealed record AgentQueues(QueueClient Challenges, QueueClient Results, QueueClient Events, QueueClient Poison, bool MayCreate)
{
    public const string ResultsQueue = "proof-results";
    public const string EventsQueue = "agent-events";

    public static string AgentQueueName(Address agent) => "agent-" + agent.ToLowerHex()[2..];

    public static AgentQueues From(AgentOptions options, Address agent)
    {
        if (options.Get("storage") is { } connection)
        {
            var own = new QueueClient(connection, AgentQueueName(agent));
            return new AgentQueues(own, new QueueClient(connection, ResultsQueue), new QueueClient(connection, EventsQueue), own.GetPoisonQueueClient(), MayCreate: true);
        }

        var challenges = new QueueClient(new Uri(options.Require("queue-url")));
        return new AgentQueues(
            challenges,
            new QueueClient(new Uri(options.Require("results-url"))),
            new QueueClient(new Uri(options.Require("events-url"))),
            options.Get("poison-url") is { } poison ? new QueueClient(new Uri(poison)) : challenges.GetPoisonQueueClient(),
            MayCreate: false);
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (MayCreate)
        {
            await Challenges.CreateIfNotExistsAsync(cancellationToken);
            await Results.CreateIfNotExistsAsync(cancellationToken);
            await Events.CreateIfNotExistsAsync(cancellationToken);
            await Poison.CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
