using System.Numerics;
using Azure.Data.Tables;
using Nethereum.Contracts;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Util;
using Nethereum.Web3;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Deployment;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.ReadModel.Entities;

namespace PowerVerse.Functions.AgentAccess;

/// <summary>
/// Whether an address is the agent of a registered HID (DESIGN §3: only such an agent gets queue SAS). HardwareRegistry
/// is the truth but keeps no index by agent, so the read model names the candidates and the chain confirms them:
/// the read model's HIDs with that agent, each checked with <c>hardware(hid)</c> (an <c>AgentChanged</c> not indexed yet
/// must not keep a replaced key alive); then the newest HIDs on chain that the read model has not indexed yet (HIDs are
/// numbered 1..count, and a just-registered one is at the top). Both are point reads or one filtered query.
/// </summary>
public sealed class RegisteredAgents
{
    /// <summary>How many unindexed newest HIDs are read from the chain at most (the indexer lags by seconds, not by thousands).</summary>
    public const int MaxUnindexed = 32;

    private readonly IWeb3 _web3;
    private readonly DeploymentManifest _manifest;
    private readonly ReadModelTables _tables;

    internal RegisteredAgents(IWeb3 web3, DeploymentManifest manifest, ReadModelTables tables)
    {
        _web3 = web3;
        _manifest = manifest;
        _tables = tables;
    }

    public async Task<bool> IsRegisteredAgentAsync(string agent, CancellationToken cancellationToken)
    {
        var normalized = Addresses.Normalize(agent);
        var filter = TableClient.CreateQueryFilter($"Agent eq {normalized}");
        try
        {
            await foreach (var row in _tables.Hardware.QueryAsync<HardwareEntity>(filter, select: [nameof(HardwareEntity.Hid)], cancellationToken: cancellationToken))
            {
                if (await AgentOfAsync(BigInteger.Parse(row.Hid, System.Globalization.CultureInfo.InvariantCulture)) is { } onChain && onChain.IsTheSameAddress(normalized))
                {
                    return true;
                }
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // No hardware table yet: nothing indexed, the chain alone answers.
        }

        var count = await _web3.Eth.GetContractQueryHandler<HardwareCountFunction>().QueryAsync<BigInteger>(Registry, new HardwareCountFunction());
        for (var hid = count; hid > 0 && count - hid < MaxUnindexed; hid--)
        {
            if (await ReadModelTables.FindAsync<HardwareEntity>(_tables.Hardware, Keys.Id(hid), string.Empty, cancellationToken) is not null)
            {
                // Indexed, and so are the HIDs below it: the query above has seen them.
                break;
            }

            if (await AgentOfAsync(hid) is { } onChain && onChain.IsTheSameAddress(normalized))
            {
                return true;
            }
        }

        return false;
    }

    private string Registry => _manifest["HardwareRegistry"];

    private async Task<string?> AgentOfAsync(BigInteger hid)
    {
        try
        {
            var output = await _web3.Eth.GetContractQueryHandler<HardwareFunction>()
                .QueryDeserializingToObjectAsync<HardwareOutput>(new HardwareFunction { Hid = hid }, Registry);
            return output.Hardware.Agent;
        }
        catch (Exception ex) when (ex is SmartContractRevertException or Nethereum.JsonRpc.Client.RpcResponseException)
        {
            // ERC721NonexistentToken: not (or no longer) an HID.
            return null;
        }
    }
}
