using System.Text.Json.Nodes;
using PowerVerse.GpuAgent.Gpus;
using PowerVerse.GpuAgent.Messages;
using PowerVerse.GpuAgent.Signing;
using PowerVerse.Domain.Json;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>Sends a signed <c>heartbeat</c> on <c>agent-events</c> at start and then every interval (DESIGN §3).</summary>
internal sealed class Heartbeat(AgentSigner signer, QueueAccess access, IReadOnlyList<GpuInfo> gpus, AgentLog log, TimeProvider time)
{
    public async Task RunAsync(TimeSpan every, CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    await access.Current.Events.SendMessageAsync(Create().ToJsonString(), cancellationToken: stopping);
                }
                catch (Exception e) when (access.Failed(e))
                {
                    log.Warn("heartbeat-failed", StorageFailure.Describe(e));
                }

                await Task.Delay(every, time, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public JsonObject Create() => signer.SignJson(new JsonObject
    {
        ["version"] = 1,
        ["type"] = "heartbeat",
        ["agent"] = signer.Address,
        ["at"] = IsoUtc.Format(time.GetUtcNow()),
        ["gpus"] = new JsonArray([.. gpus.Select(g => (JsonNode)new JsonObject { ["model"] = g.Model, ["memoryMiB"] = g.MemoryMiB, ["uuid"] = g.Uuid })]),
    });
}
