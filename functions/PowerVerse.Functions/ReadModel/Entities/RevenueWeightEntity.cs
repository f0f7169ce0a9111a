namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// The revenue weight of a compute type: the RID supply minted at a VID's first listing (changeable by the DAO).
/// Table <c>rmRevenueWeights</c>: PK <c>weights</c>, RK the compute type as 10 digits. Read by
/// <c>GET /api/revenue-weights</c>; written from <c>PowerParams.RevenueWeightChanged</c>.
/// </summary>
internal sealed class RevenueWeightEntity : ReadModelEntity
{
    public const string Partition = "weights";

    public long ComputeType { get; set; }

    /// <summary>uint256, decimal.</summary>
    public string Weight { get; set; } = "0";
}
