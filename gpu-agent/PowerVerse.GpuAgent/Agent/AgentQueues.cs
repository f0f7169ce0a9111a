using PowerVerse.Ethereum.Crypto;
using PowerVerse.Storage.Queues;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>
/// The three queues an agent uses (DESIGN §3): its own <c>agent-&lt;address&gt;</c>, <c>proof-results</c> and
/// <c>agent-events</c>; from a connection string (<c>--storage</c>), or from one SAS URL per queue
/// (<c>--queue-url</c>, <c>--results-url</c>, <c>--events-url</c>) as the platform hands them out.
/// </summary>
internal sealed record AgentQueues(QueueClient Challenges, QueueClient Results, QueueClient Events, bool MayCreate)
{
    public const string ResultsQueue = "proof-results";
    public const string EventsQueue = "agent-events";

    public static string AgentQueueName(Address agent) => "agent-" + agent.ToLowerHex()[2..];

    public static AgentQueues From(AgentOptions options, Address agent)
    {
        if (options.Get("storage") is { } connection)
        {
            return new AgentQueues(
                new QueueClient(connection, AgentQueueName(agent)),
                new QueueClient(connection, ResultsQueue),
                new QueueClient(connection, EventsQueue),
                MayCreate: true);
        }

        return new AgentQueues(
            new QueueClient(new Uri(options.Require("queue-url"))),
            new QueueClient(new Uri(options.Require("results-url"))),
            new QueueClient(new Uri(options.Require("events-url"))),
            MayCreate: false);
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (MayCreate)
        {
            await Challenges.CreateIfNotExistsAsync(cancellationToken);
            await Results.CreateIfNotExistsAsync(cancellationToken);
            await Events.CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
