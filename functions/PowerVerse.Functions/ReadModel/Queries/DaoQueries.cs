using Azure.Data.Tables;
using PowerVerse.Functions.ReadModel.Entities;
using PowerVerse.Views;

namespace PowerVerse.Functions.ReadModel.Queries;

/// <summary>The DAO lists (seed 000's "types, proof parameters, revenue weights" screens): each one small partition, in id order.</summary>
public sealed class DaoQueries
{
    // The lists are add-only DAO decisions: a few dozen rows; the limit only bounds a runaway table.
    private const int Limit = 1000;

    private readonly ReadModelTables _tables;

    internal DaoQueries(ReadModelTables tables) => _tables = tables;

    public async Task<ItemsView<ComputeTypeView>> ComputeTypesAsync(CancellationToken cancellationToken)
    {
        var rows = await TablePager.ReadAllAsync<ComputeTypeEntity>(_tables.ComputeTypes,
            TableClient.CreateQueryFilter($"PartitionKey eq {ComputeTypeEntity.Partition}"), Limit, cancellationToken);
        return new(rows.Select(r => new ComputeTypeView(r.ComputeType, r.Name)).ToList());
    }

    public async Task<ItemsView<GpuModelView>> GpuModelsAsync(uint? computeType, CancellationToken cancellationToken)
    {
        var filter = computeType is { } type
            ? TableClient.CreateQueryFilter($"PartitionKey eq {GpuModelEntity.Partition} and ComputeType eq {(long)type}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {GpuModelEntity.Partition}");
        var rows = await TablePager.ReadAllAsync<GpuModelEntity>(_tables.GpuModels, filter, Limit, cancellationToken);
        return new(rows.Select(r => new GpuModelView(r.GpuModel, r.ComputeType, r.Name, r.MemoryMiB)).ToList());
    }

    /// <summary>Every version of every type's proof parameters (or one type's), by type then version.</summary>
    public async Task<ItemsView<ProofParamsView>> ProofParamsAsync(uint? computeType, CancellationToken cancellationToken)
    {
        var filter = computeType is { } type ? TableClient.CreateQueryFilter($"PartitionKey eq {Keys.Small(type)}") : string.Empty;
        var rows = await TablePager.ReadAllAsync<ProofParamsEntity>(_tables.ProofParams, filter, Limit, cancellationToken);
        return new(rows.Select(r => new ProofParamsView(r.ComputeType, r.Version, r.Difficulty, r.Shares, r.DeadlineSeconds)).ToList());
    }

    public async Task<ItemsView<RevenueWeightView>> RevenueWeightsAsync(CancellationToken cancellationToken)
    {
        var rows = await TablePager.ReadAllAsync<RevenueWeightEntity>(_tables.RevenueWeights,
            TableClient.CreateQueryFilter($"PartitionKey eq {RevenueWeightEntity.Partition}"), Limit, cancellationToken);
        return new(rows.Select(r => new RevenueWeightView(r.ComputeType, r.Weight)).ToList());
    }
}
