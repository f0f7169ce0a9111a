namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// A GPU model of the DAO list (add-only). Table <c>rmGpuModels</c>: PK <c>gpus</c>, RK the model id as 10 digits.
/// Read by <c>GET /api/gpus</c>; written from <c>PowerParams.GpuModelAdded</c>.
/// </summary>
internal sealed class GpuModelEntity : ReadModelEntity
{
    public const string Partition = "gpus";

    public long GpuModel { get; set; }

    public long ComputeType { get; set; }

    public string Name { get; set; } = string.Empty;

    public long MemoryMiB { get; set; }
}
