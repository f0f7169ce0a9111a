using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using PowerVerse.Chain.Contracts;
using PowerVerse.Functions.Writes;
using PowerVerse.Domain.Json;

namespace PowerVerse.Functions.Orchestrations.Purchase;

/// <summary>
/// Records the buyer's pending access and sends the <c>grant</c> to the agent of the UID's hardware (read on chain:
/// UID → HID → agent). Run twice, it sends the grant twice; the agent applies a UID's grant idempotently.
/// </summary>
[DurableTask(Name)]
public sealed class GrantActivity(WriteChain chain, AgentQueues queues, AccessStore access) : TaskActivity<GrantRequest, string>
{
    public const string Name = "Grant";

    public override async Task<string> RunAsync(TaskActivityContext context, GrantRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var uid = BigInteger.Parse(input.Uid, CultureInfo.InvariantCulture);
        var web3 = chain.Web3;
        var hid = await web3.Eth.GetContractQueryHandler<HidOfFunction>().QueryAsync<BigInteger>(chain.Manifest["UsageRights"], new HidOfFunction { Id = uid });
        var hardware = await web3.Eth.GetContractQueryHandler<HardwareFunction>()
            .QueryDeserializingToObjectAsync<HardwareOutput>(new HardwareFunction { Hid = hid }, chain.Manifest["HardwareRegistry"]);
        var agent = hardware.Hardware.Agent;

        var existing = await access.GetAsync(input.Uid, CancellationToken.None);
        if (existing?.WorkflowId != input.WorkflowId || existing.Endpoint is null)
        {
            await access.SaveAsync(new AccessGrant(input.Uid, input.Vid, input.User, input.Expires, agent, input.WorkflowId, null, null), CancellationToken.None);
        }

        var grant = new JsonObject
        {
            ["version"] = 1,
            ["type"] = "grant",
            ["uid"] = input.Uid,
            ["vid"] = input.Vid,
            ["user"] = input.User.ToLowerInvariant(),
            ["expires"] = IsoUtc.Format(DateTimeOffset.FromUnixTimeSeconds(input.Expires)),
        };
        if (input.SshPublicKey is { } key)
        {
            grant["sshPublicKey"] = key;
        }

        await queues.SendAsync(agent, grant.ToJsonString(), CancellationToken.None);
        return agent;
    }
}
