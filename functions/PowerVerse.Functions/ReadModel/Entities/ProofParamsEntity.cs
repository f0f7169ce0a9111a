namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// One version of a compute type's proof parameters (add-only, versioned). Table <c>rmProofParams</c>: PK the compute
/// type as 10 digits, RK the version as 10 digits (a type's versions in order). Read by <c>GET /api/proof-params</c>;
/// written from <c>PowerParams.ProofParamsAdded</c>.
/// </summary>
internal sealed class ProofParamsEntity : ReadModelEntity
{
    public long ComputeType { get; set; }

    public long Version { get; set; }

    public int Difficulty { get; set; }

    public int Shares { get; set; }

    public long DeadlineSeconds { get; set; }
}
