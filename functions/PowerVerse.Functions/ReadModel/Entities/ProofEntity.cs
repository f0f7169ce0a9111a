namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// A proof-of-compute challenge and its outcome. Two tables hold this shape:
/// <list type="bullet">
/// <item><c>rmProofs</c>: PK the challenge id (decimal), RK empty (<c>GET /api/proofs/{challengeId}</c>).</item>
/// <item><c>rmProofsByVid</c>: PK the VID (decimal), RK the challenge id's descending key (newest first): the proofs a
/// rank is computed from (<c>GET /api/ranks/{vid}</c>).</item>
/// </list>
/// Written from <c>ProofOfCompute.ChallengeRequested</c>, <c>ChallengeDispatched</c>, <c>ProofVerified</c>,
/// <c>ChallengeExpired</c> and <c>ChallengeLapsed</c>.
/// </summary>
internal sealed class ProofEntity : ReadModelEntity
{
    public string ChallengeId { get; set; } = string.Empty;

    public string Vid { get; set; } = string.Empty;

    public string Hid { get; set; } = string.Empty;

    public long ComputeType { get; set; }

    public string Requester { get; set; } = string.Empty;

    /// <summary>Set at dispatch.</summary>
    public string Agent { get; set; } = string.Empty;

    /// <summary><c>requested</c>, <c>open</c>, <c>verified</c>, <c>expired</c>, <c>lapsed</c> (the contract's Status).</summary>
    public string Status { get; set; } = "requested";

    public int Difficulty { get; set; }

    public int Shares { get; set; }

    public long DeadlineSeconds { get; set; }

    public DateTimeOffset? RequestedAt { get; set; }

    /// <summary>Unix seconds; set at dispatch.</summary>
    public long Deadline { get; set; }

    /// <summary>Verified work, shares · 2^difficulty (uint256, decimal); "0" until verified.</summary>
    public string Work { get; set; } = "0";

    /// <summary>Elapsed time the platform observed, bounded by chain time (DESIGN §2).</summary>
    public long ElapsedMs { get; set; }

    /// <summary>The agent's own timestamps (unix seconds): informational only.</summary>
    public long StartedAt { get; set; }

    public long FinishedAt { get; set; }

    /// <summary>work / elapsed, hashes per second (uint256, decimal); "0" unless verified.</summary>
    public string HashRate { get; set; } = "0";

    public DateTimeOffset? CompletedAt { get; set; }
}
