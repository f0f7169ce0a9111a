using PowerVerse.Functions.ReadModel.Entities;

namespace PowerVerse.Functions.ReadModel.Writing;

/// <summary>The DAO lists (PowerParams events).</summary>
internal sealed partial class ReadModelWriter
{
    public Task UpsertComputeTypeAsync(ComputeTypeRecord record, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return UpsertAsync(tables.ComputeTypes, new ComputeTypeEntity
        {
            PartitionKey = ComputeTypeEntity.Partition, RowKey = Keys.Small(record.ComputeType), ComputeType = record.ComputeType, Name = record.Name,
        }, source, cancellationToken);
    }

    public Task RemoveComputeTypeAsync(uint computeType, CancellationToken cancellationToken) =>
        DeleteAsync(tables.ComputeTypes, ComputeTypeEntity.Partition, Keys.Small(computeType), cancellationToken);

    public Task UpsertGpuModelAsync(GpuModelRecord record, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return UpsertAsync(tables.GpuModels, new GpuModelEntity
        {
            PartitionKey = GpuModelEntity.Partition, RowKey = Keys.Small(record.GpuModel), GpuModel = record.GpuModel,
            ComputeType = record.ComputeType, Name = record.Name, MemoryMiB = record.MemoryMiB,
        }, source, cancellationToken);
    }

    public Task RemoveGpuModelAsync(uint gpuModel, CancellationToken cancellationToken) =>
        DeleteAsync(tables.GpuModels, GpuModelEntity.Partition, Keys.Small(gpuModel), cancellationToken);

    public Task UpsertProofParamsAsync(ProofParamsRecord record, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return UpsertAsync(tables.ProofParams, new ProofParamsEntity
        {
            PartitionKey = Keys.Small(record.ComputeType), RowKey = Keys.Small(record.Version), ComputeType = record.ComputeType,
            Version = record.Version, Difficulty = record.Difficulty, Shares = record.Shares, DeadlineSeconds = record.DeadlineSeconds,
        }, source, cancellationToken);
    }

    public Task RemoveProofParamsAsync(uint computeType, uint version, CancellationToken cancellationToken) =>
        DeleteAsync(tables.ProofParams, Keys.Small(computeType), Keys.Small(version), cancellationToken);

    public Task UpsertRevenueWeightAsync(RevenueWeightRecord record, ChainEvent source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return UpsertAsync(tables.RevenueWeights, new RevenueWeightEntity
        {
            PartitionKey = RevenueWeightEntity.Partition, RowKey = Keys.Small(record.ComputeType), ComputeType = record.ComputeType,
            Weight = Keys.Id(record.Weight),
        }, source, cancellationToken);
    }

    public Task RemoveRevenueWeightAsync(uint computeType, CancellationToken cancellationToken) =>
        DeleteAsync(tables.RevenueWeights, RevenueWeightEntity.Partition, Keys.Small(computeType), cancellationToken);
}
