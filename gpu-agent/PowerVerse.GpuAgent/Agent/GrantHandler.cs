using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using PowerVerse.GpuAgent.Grants;
using PowerVerse.GpuAgent.Messages;
using PowerVerse.GpuAgent.Signing;
using PowerVerse.Domain.Json;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>Applies a grant for its period and answers <c>grant-applied</c> on <c>agent-events</c> (DESIGN §3).</summary>
internal sealed class GrantHandler(AgentSigner signer, QueueAccess access, GrantStore grants, AgentSettings settings, AgentLog log, TimeProvider time)
{
    public async Task HandleAsync(QueueMessage message, GrantMessage grant, Func<Task> poisonExpired)
    {
        if (grant.Expires <= time.GetUtcNow())
        {
            await poisonExpired();
            return;
        }

        grants.Apply(grant);
        var answer = signer.SignJson(new JsonObject
        {
            ["version"] = 1,
            ["type"] = "grant-applied",
            ["uid"] = grant.Uid.ToString(CultureInfo.InvariantCulture),
            ["agent"] = signer.Address,
            ["endpoint"] = new JsonObject { ["host"] = settings.SshHost, ["port"] = settings.SshPort, ["user"] = settings.SshUser },
        });
        await access.Current.Events.SendMessageAsync(answer.ToJsonString(), cancellationToken: CancellationToken.None);
        await access.Current.Challenges.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        log.Info("grant-applied", $"uid={grant.Uid} user={grant.User} expires={IsoUtc.Format(grant.Expires)}");
    }
}
