namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// A compute type of the DAO list (add-only). Table <c>rmComputeTypes</c>: PK <c>types</c>, RK the type as 10 digits.
/// Read by <c>GET /api/types</c>; written from <c>PowerParams.ComputeTypeAdded</c>.
/// </summary>
internal sealed class ComputeTypeEntity : ReadModelEntity
{
    public const string Partition = "types";

    public long ComputeType { get; set; }

    public string Name { get; set; } = string.Empty;
}
