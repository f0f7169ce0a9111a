using Azure.Storage.Queues;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>
/// The queues an agent uses (DESIGN §3): its own <c>agent-&lt;address&gt;</c>, <c>proof-results</c> and
/// <c>agent-events</c>, plus the agent queue's poison queue <c>&lt;queue&gt;-poison</c>; from a connection string
/// (<c>--storage</c>), or from one SAS URL per queue (<c>--queue-url</c>, <c>--results-url</c>, <c>--events-url</c>,
/// <c>--poison-url</c>) as the platform hands them out, or from the platform's API (<c>--api</c>, <see cref="SasRenewal"/>). A service SAS covers one queue, hence a URL for the poison queue too.
/// </summary>
internal sealed record AgentQueues(QueueClient Challenges, QueueClient Results, QueueClient Events, QueueClient Poison, bool MayCreate)
{
    public const string ResultsQueue = "proof-results";
    public const string EventsQueue = "agent-events";
    public const string PoisonSuffix = "-poison";

    /// <summary>DESIGN §3: messages are plain UTF-8 JSON (host.json <c>messageEncoding: "none"</c>), never Base64; said explicitly, not left to the SDK's default.</summary>
    public static QueueClientOptions ClientOptions => new() { MessageEncoding = QueueMessageEncoding.None };

    /// <summary><c>agent-</c> and the address as 40 lowercase hex digits.</summary>
    public static string AgentQueueName(string agentAddress) => "agent-" + agentAddress.ToLowerInvariant()[2..];

    public static AgentQueues From(AgentOptions options, string agentAddress)
    {
        var name = AgentQueueName(agentAddress);
        if (options.Get("storage") is { } connection)
        {
            return new AgentQueues(
                new QueueClient(connection, name, ClientOptions), new QueueClient(connection, ResultsQueue, ClientOptions),
                new QueueClient(connection, EventsQueue, ClientOptions), new QueueClient(connection, name + PoisonSuffix, ClientOptions), MayCreate: true);
        }

        var challenges = new Uri(options.Require("queue-url"));
        return new AgentQueues(
            new QueueClient(challenges, ClientOptions),
            new QueueClient(new Uri(options.Require("results-url")), ClientOptions),
            new QueueClient(new Uri(options.Require("events-url")), ClientOptions),
            new QueueClient(options.Get("poison-url") is { } poison ? new Uri(poison) : PoisonUri(challenges), ClientOptions),
            MayCreate: false);
    }

    /// <summary>The poison queue beside a queue URL, keeping its query (a SAS for the agent queue may not reach it: then <c>--poison-url</c>).</summary>
    public static Uri PoisonUri(Uri queue)
    {
        var builder = new QueueUriBuilder(queue);
        builder.QueueName += PoisonSuffix;
        return builder.ToUri();
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (MayCreate)
        {
            await Challenges.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await Results.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await Events.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await Poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
