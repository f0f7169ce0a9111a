using PowerVerse.Chain.Events;
using PowerVerse.Functions.ReadModel.Writing;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>
/// The DAO lists (PowerParams <c>ComputeTypeAdded</c>, <c>GpuModelAdded</c>, <c>ProofParamsAdded</c>,
/// <c>RevenueWeightChanged</c>): add-only lists and a changeable weight, each event carrying its whole row.
/// </summary>
internal sealed class DaoRows(ReadModelWriter writer)
{
    public Task ComputeTypeAddedAsync(DecodedEvent e, CancellationToken cancellationToken) =>
        writer.UpsertComputeTypeAsync(new ComputeTypeRecord(Small(e, "computeType"), (string)e.Arguments["name"]!), e.Source(), cancellationToken);

    public Task GpuModelAddedAsync(DecodedEvent e, CancellationToken cancellationToken) =>
        writer.UpsertGpuModelAsync(new GpuModelRecord(
            Small(e, "gpuModel"), Small(e, "computeType"), (string)e.Arguments["name"]!, Small(e, "memoryMiB")), e.Source(), cancellationToken);

    public Task ProofParamsAddedAsync(DecodedEvent e, CancellationToken cancellationToken) =>
        writer.UpsertProofParamsAsync(new ProofParamsRecord(
            Small(e, "computeType"), Small(e, "version"), (int)e.Number("difficulty"), (int)e.Number("shares"), Small(e, "deadlineSeconds")),
            e.Source(), cancellationToken);

    public Task RevenueWeightChangedAsync(DecodedEvent e, CancellationToken cancellationToken) =>
        writer.UpsertRevenueWeightAsync(new RevenueWeightRecord(Small(e, "computeType"), e.Number("weight")), e.Source(), cancellationToken);

    private static uint Small(DecodedEvent e, string name) => (uint)e.Number(name);
}
