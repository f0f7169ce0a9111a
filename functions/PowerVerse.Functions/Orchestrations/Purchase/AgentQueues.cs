using Azure.Storage.Queues;

namespace PowerVerse.Functions.Orchestrations.Purchase;

/// <summary>
/// The agents' queues (DESIGN §3): <c>agent-&lt;address as 40 lowercase hex&gt;</c> per agent, on the <c>AgentQueues</c>
/// storage connection (in Azure a separate account; locally the app's own storage).
/// </summary>
public sealed class AgentQueues(QueueServiceClient service)
{
    public const string ConnectionName = "AgentQueues";
    public const string EventsQueue = "agent-events";

    public static string QueueName(string agent) => "agent-" + agent.ToLowerInvariant().Replace("0x", string.Empty, StringComparison.Ordinal);

    public async Task SendAsync(string agent, string message, CancellationToken cancellationToken)
    {
        var queue = service.GetQueueClient(QueueName(agent));
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queue.SendMessageAsync(message, cancellationToken);
    }
}
