using System.Globalization;
using System.Numerics;
using Azure.Data.Tables;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using Nethereum.Web3;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Errors;
using PowerVerse.Functions.Indexer;
using PowerVerse.Functions.Indexer.Projections;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.ReadModel.Entities;

namespace PowerVerse.Functions.AgentAccess;

/// <summary>
/// Whether an address is the agent of a registered HID (DESIGN §3: only such an agent gets queue SAS). HardwareRegistry
/// is the truth but keeps no index by agent, so the read model names the candidates and the chain confirms them: the
/// HIDs in the agent's partition of <c>rmAgents</c> (one partition read), each checked with <c>hardware(hid)</c> (an
/// <c>AgentChanged</c> not indexed yet must not keep a replaced key alive); then the newest HIDs on chain that the read
/// model has not indexed yet (HIDs are numbered 1..count, and a just-registered one is at the top), at most
/// <see cref="MaxUnindexed"/>; then the <c>AgentChanged</c> logs of the blocks the indexer has not reached yet (at most
/// <see cref="MaxUnindexedBlocks"/>), so a new key works before its change is indexed.
/// </summary>
public sealed class RegisteredAgents
{
    /// <summary>How many unindexed newest HIDs are read from the chain at most (the indexer lags by seconds, not by thousands).</summary>
    public const int MaxUnindexed = 32;

    /// <summary>How many blocks past the indexer's progress are searched for <c>AgentChanged</c> at most.</summary>
    public const int MaxUnindexedBlocks = 5_000;

    private static readonly string AgentChangedTopic = Topic.OfSignature("AgentChanged(uint256,address)");

    private readonly IWeb3 _web3;
    private readonly DeploymentManifest _manifest;
    private readonly ReadModelTables _tables;
    private readonly IndexerProgress _progress;

    internal RegisteredAgents(IWeb3 web3, DeploymentManifest manifest, ReadModelTables tables, IndexerProgress progress)
    {
        _web3 = web3;
        _manifest = manifest;
        _tables = tables;
        _progress = progress;
    }

    /// <exception cref="Nethereum.JsonRpc.Client.RpcResponseException">The node failed for another reason than a nonexistent HID.</exception>
    public async Task<bool> IsRegisteredAgentAsync(string agent, CancellationToken cancellationToken)
    {
        var normalized = Addresses.Normalize(agent);
        var partition = TableClient.CreateQueryFilter($"PartitionKey eq {Keys.Account(normalized)}");
        try
        {
            await foreach (var row in _tables.Agents.QueryAsync<AgentHardwareEntity>(partition, select: [nameof(AgentHardwareEntity.Hid)], cancellationToken: cancellationToken))
            {
                if (await IsAgentOfAsync(BigInteger.Parse(row.Hid, CultureInfo.InvariantCulture), normalized, cancellationToken))
                {
                    return true;
                }
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // No agent index yet: nothing indexed, the chain alone answers.
        }

        var count = await _web3.Eth.GetContractQueryHandler<HardwareCountFunction>()
            .QueryAsync<BigInteger>(Registry, new HardwareCountFunction()).WaitAsync(cancellationToken);
        for (var hid = count; hid > 0 && count - hid < MaxUnindexed; hid--)
        {
            if (await ReadModelTables.FindAsync<HardwareEntity>(_tables.Hardware, Keys.Id(hid), string.Empty, cancellationToken) is not null)
            {
                // Indexed, and so are the HIDs below it: the agent index above has seen them.
                break;
            }

            if (await IsAgentOfAsync(hid, normalized, cancellationToken))
            {
                return true;
            }
        }

        foreach (var hid in await ChangedToAsync(normalized, cancellationToken))
        {
            if (await IsAgentOfAsync(hid, normalized, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The HIDs whose agent was set to <paramref name="agent"/> in blocks the indexer has not processed yet.</summary>
    private async Task<IEnumerable<BigInteger>> ChangedToAsync(string agent, CancellationToken cancellationToken)
    {
        var latest = (await _web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().WaitAsync(cancellationToken)).Value;
        var indexed = await IndexedUpToAsync(cancellationToken) ?? _manifest.FirstBlock - 1;
        var from = BigInteger.Max(indexed + 1, BigInteger.Max(0, latest - MaxUnindexedBlocks));
        if (from > latest)
        {
            return [];
        }

        var logs = await _web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            Address = [Registry],
            FromBlock = new BlockParameter(new HexBigInteger(from)),
            ToBlock = new BlockParameter(new HexBigInteger(latest)),
            Topics = [AgentChangedTopic],
        }).WaitAsync(cancellationToken);

        // AgentChanged(uint256 indexed hid, address agent): the HID in topic 1, the agent the one word of data.
        return logs
            .Where(l => l.Topics is { Length: 2 } && l.Data?.RemoveHexPrefix().Length == 64 && ("0x" + l.Data.RemoveHexPrefix()[24..]).IsTheSameAddress(agent))
            .Select(l => new HexBigInteger(l.Topics[1].ToString()).Value)
            .Distinct()
            .ToList();
    }

    private async Task<BigInteger?> IndexedUpToAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _progress.GetLastBlockNumberProcessedAsync().WaitAsync(cancellationToken);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return null; // The indexer has not run yet.
        }
    }

    private string Registry => _manifest["HardwareRegistry"];

    private async Task<bool> IsAgentOfAsync(BigInteger hid, string agent, CancellationToken cancellationToken)
    {
        try
        {
            var output = await _web3.Eth.GetContractQueryHandler<HardwareFunction>()
                .QueryDeserializingToObjectAsync<HardwareOutput>(new HardwareFunction { Hid = hid }, Registry).WaitAsync(cancellationToken);
            return output.Hardware.Agent.IsTheSameAddress(agent);
        }
        catch (Exception ex) when (IsNonexistent(ex))
        {
            // Not (or no longer) an HID. Any other failure of the node is the caller's 503.
            return false;
        }
    }

    /// <summary>OpenZeppelin ERC-721's <c>ERC721NonexistentToken(tokenId)</c>, decoded by the contracts' error registry.</summary>
    internal static bool IsNonexistent(Exception exception) =>
        exception is not OperationCanceledException && CustomErrorRegistry.Contracts.Decode(exception) is { Name: "ERC721NonexistentToken" };
}
