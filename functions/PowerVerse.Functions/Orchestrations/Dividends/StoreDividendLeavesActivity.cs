using System.Globalization;
using System.Numerics;
using Microsoft.DurableTask;
using PowerVerse.Domain.Dividends;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.ReadModel.Entities;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.Orchestrations.Dividends;

/// <summary>
/// Stores every leaf of the posted epoch with its Merkle proof (table <c>rmDividends</c>), which
/// <c>GET /api/dividends/{epoch}/{address}</c> serves for the claim. The tree is rebuilt from the leaves and must have
/// the root the contract holds; a leaf of an earlier tree of the same epoch (posted again before funding) is removed.
/// </summary>
[DurableTask(Name)]
internal sealed class StoreDividendLeavesActivity(DividendChain chain, ReadModelWriter writer, ReadModelTables tables) : TaskActivity<StoreLeavesInput, int>
{
    public const string Name = "StoreDividendLeaves";

    public override async Task<int> RunAsync(TaskActivityContext context, StoreLeavesInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var epoch = BigInteger.Parse(input.Epoch, CultureInfo.InvariantCulture);
        var tree = DividendTree.Build(input.Leaves.Select(l => new DividendLeaf(l.Account, BigInteger.Parse(l.Amount, CultureInfo.InvariantCulture))));
        var state = await chain.EpochAsync(epoch);
        if (!DividendChain.Holds(state, tree.RootHex, state.Token, tree.Total))
        {
            throw new WriteRejectedException($"Epoch {epoch} does not hold this tree's root {tree.RootHex} and total {tree.Total}.");
        }

        await writer.UpsertDividendsAsync(
            tree.Leaves.Select(l => new DividendRecord(epoch, l.Account, l.Amount, tree.ProofHexOf(l.Account), Claimed: false)).ToList(),
            ChainEvent.None, CancellationToken.None);
        var stale = new List<string>();
        var partition = Keys.Id(epoch);
        await foreach (var row in tables.Dividends.QueryAsync<DividendEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["PartitionKey", "RowKey"]))
        {
            if (!tree.Contains(row.RowKey))
            {
                stale.Add(row.RowKey);
            }
        }

        foreach (var account in stale)
        {
            await writer.RemoveDividendAsync(epoch, account, CancellationToken.None);
        }

        return tree.Leaves.Count;
    }
}
