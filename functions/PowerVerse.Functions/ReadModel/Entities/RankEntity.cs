namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// The rank of one VID, computed from its recent proofs. Two tables hold this shape:
/// <list type="bullet">
/// <item><c>rmRanks</c>: PK the VID (decimal), RK empty (<c>GET /api/ranks/{vid}</c>).</item>
/// <item><c>rmRankBoard</c>: PK <c>all</c> or the compute type as 10 digits, RK <c>{ScoreKey descending}-{vid:D78}</c>
/// (best first): <c>GET /api/ranks</c>.</item>
/// </list>
/// Written by the rank update (<see cref="Writing.ReadModelWriter.RecomputeRankAsync"/>) after each proof outcome.
/// </summary>
internal sealed class RankEntity : ReadModelEntity
{
    public string Vid { get; set; } = string.Empty;

    public string Hid { get; set; } = string.Empty;

    public long ComputeType { get; set; }

    public long GpuModel { get; set; }

    /// <summary>The score the market sorts by (uint256, decimal): mean verified hash rate × verified / counted proofs.</summary>
    public string Score { get; set; } = "0";

    /// <summary>Mean hash rate of the verified proofs counted (hashes per second, decimal).</summary>
    public string HashRate { get; set; } = "0";

    public int Verified { get; set; }

    /// <summary>Expired (missed) challenges among those counted.</summary>
    public int Failed { get; set; }

    /// <summary>The challenge ids the score was computed from, comma-separated, newest first.</summary>
    public string ChallengeIds { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }
}
