using System.Numerics;
using System.Text.Json;
using Azure.Data.Tables;
using PowerVerse.Functions.ReadModel.Entities;
using PowerVerse.Views;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.ReadModel.Queries;

/// <summary>Proofs, ranks (seed 000's "算力排行" screen) and dividends.</summary>
public sealed class ProofQueries
{
    private readonly ReadModelTables _tables;

    internal ProofQueries(ReadModelTables tables) => _tables = tables;

    /// <summary>The rank board: all VIDs or one compute type's, best score first.</summary>
    public async Task<StoragePage<RankView>> RanksAsync(uint? computeType, int pageSize, string? storageToken, CancellationToken cancellationToken)
    {
        var partition = computeType is { } type ? Keys.Small(type) : ReadModelWriter.AllRanks;
        var page = await TablePager.ReadAsync<RankEntity>(_tables.RankBoard, TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), pageSize, storageToken, cancellationToken);
        return new(page.Items.Select(ViewMapping.Rank).ToList(), page.StorageToken);
    }

    /// <summary>A VID's rank with the proofs it was computed from, in the formula's order (one point read).</summary>
    public async Task<RankDetailView?> RankAsync(BigInteger vid, CancellationToken cancellationToken)
    {
        if (await ReadModelTables.FindAsync<RankEntity>(_tables.Ranks, Keys.Id(vid), string.Empty, cancellationToken) is not { } rank)
        {
            return null;
        }

        var proofs = rank.Proofs.Length == 0 ? [] : JsonSerializer.Deserialize<RankProofView[]>(rank.Proofs, JsonSerializerOptions.Web) ?? [];
        return new RankDetailView(ViewMapping.Rank(rank), proofs);
    }

    public async Task<ProofView?> ProofAsync(BigInteger challengeId, CancellationToken cancellationToken) =>
        await ReadModelTables.FindAsync<ProofEntity>(_tables.Proofs, Keys.Id(challengeId), string.Empty, cancellationToken) is { } p ? ViewMapping.Proof(p) : null;

    /// <summary>An account's amount and Merkle proof in an epoch, with what a claim needs of the epoch.</summary>
    public async Task<DividendView?> DividendAsync(BigInteger epoch, string address, CancellationToken cancellationToken)
    {
        var epochRow = ReadModelTables.FindAsync<DividendEpochEntity>(_tables.DividendEpochs, DividendEpochEntity.Partition, Keys.Sortable(epoch), cancellationToken);
        var leaf = ReadModelTables.FindAsync<DividendEntity>(_tables.Dividends, Keys.Id(epoch), Keys.Account(address), cancellationToken);
        if (await epochRow is not { } e || await leaf is not { } d)
        {
            return null;
        }

        return new DividendView(d.Epoch, d.Account, d.Amount, JsonSerializer.Deserialize<string[]>(d.Proof) ?? [], d.Claimed,
            e.Root, e.Token, e.Period, e.Funded, e.ClaimDeadline, e.Reclaimed);
    }
}
