using System.Numerics;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Nethereum.Util;
using PowerVerse.Functions.Orchestrations;
using PowerVerse.Functions.Orchestrations.Purchase;

namespace PowerVerse.Functions.Queues;

/// <summary>
/// What agents report on <c>agent-events</c> (DESIGN §3): a <c>grant-applied</c> from the UID's own agent is raised to
/// the purchase waiting for it; heartbeats are checked and logged. A message that is not well-formed, or not signed by
/// the agent it names, throws, and after the queue's tries lands in <c>agent-events-poison</c>.
/// </summary>
public sealed partial class AgentEventsFunction(AccessStore access, ILogger<AgentEventsFunction> log)
{
    [Function("AgentEvents")]
    public async Task Run(
        [QueueTrigger(AgentQueues.EventsQueue, Connection = AgentQueues.ConnectionName)] string message,
        [DurableClient] DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var signed = SignedAgentMessage.Read(message);
        switch (signed.Type)
        {
            case "grant-applied":
                await GrantAppliedAsync(signed, workflows, cancellationToken);
                break;
            case "heartbeat":
                LogHeartbeat(signed.Agent, SignedAgentMessage.Text(signed.Body, "at"));
                break;
            default:
                throw new MalformedAgentMessageException($"Unknown agent message type '{signed.Type}'.");
        }
    }

    private async Task GrantAppliedAsync(SignedAgentMessage signed, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        var uid = SignedAgentMessage.Text(signed.Body, "uid");
        if (!BigInteger.TryParse(uid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            throw new MalformedAgentMessageException($"'uid' must be a decimal string, not '{uid}'.");
        }

        var endpoint = Endpoint(signed.Body["endpoint"] as JsonObject ?? throw new MalformedAgentMessageException("'endpoint' is missing."));
        var grant = await access.GetAsync(uid, cancellationToken);
        if (grant is null || !grant.Agent.IsTheSameAddress(signed.Agent))
        {
            // Not a grant we asked this agent for (a stale or foreign message): nothing to raise, nothing to retry.
            LogUnexpectedGrant(signed.Agent, uid);
            return;
        }

        await workflows.RaiseEventAsync(grant.WorkflowId, GrantApplied.EventName, new GrantApplied(uid, signed.Agent, endpoint), cancellationToken);
    }

    private static AccessEndpoint Endpoint(JsonObject endpoint)
    {
        var host = SignedAgentMessage.Text(endpoint, "host");
        var user = SignedAgentMessage.Text(endpoint, "user");
        return endpoint["port"] is JsonValue port && port.TryGetValue<int>(out var number) && number is > 0 and < 65536
            ? new AccessEndpoint(host, number, user)
            : throw new MalformedAgentMessageException("'endpoint.port' must be a TCP port number.");
    }

    [LoggerMessage(LogLevel.Debug, "Heartbeat from agent {Agent} at {At}")]
    private partial void LogHeartbeat(string agent, string at);

    [LoggerMessage(LogLevel.Warning, "grant-applied from agent {Agent} for UID {Uid}, which no purchase asked of it; ignored")]
    private partial void LogUnexpectedGrant(string agent, string uid);
}
