namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// The rank of one VID (<see cref="PowerVerse.Domain.Proofs.RankFormula"/>), computed from its latest finished proofs.
/// Two tables hold this shape:
/// <list type="bullet">
/// <item><c>rmRanks</c>: PK the VID (decimal), RK empty, with the proofs it was computed from (<c>GET /api/ranks/{vid}</c>:
/// one point read).</item>
/// <item><c>rmRankBoard</c>: PK <c>all</c> or the compute type as 10 digits, RK <c>{Descending(score)}-{vid:D78}</c>
/// (best score first, then lowest VID), without the proofs: <c>GET /api/ranks</c> reads one partition in key order.</item>
/// </list>
/// Written by the rank update (<see cref="Writing.ReadModelWriter.RecomputeRankAsync"/>) after each proof outcome.
/// </summary>
internal sealed class RankEntity : ReadModelEntity
{
    public string Vid { get; set; } = string.Empty;

    public string Hid { get; set; } = string.Empty;

    public long ComputeType { get; set; }

    public long GpuModel { get; set; }

    /// <summary>floor(hashRate · successBps · uptimeBps / 10^8) (decimal): what the board and the market sort by.</summary>
    public string Score { get; set; } = "0";

    /// <summary>EWMA (α = 1/4) of the verified proofs' hash rates, hashes per second (decimal).</summary>
    public string HashRate { get; set; } = "0";

    public int SuccessBps { get; set; }

    public int UptimeBps { get; set; }

    public int Verified { get; set; }

    /// <summary>Expired (missed) challenges in the window.</summary>
    public int Missed { get; set; }

    /// <summary>The window's span, unix seconds: the first issuedAt and the latest finishedAt.</summary>
    public long WindowFrom { get; set; }

    public long WindowTo { get; set; }

    public long DowntimeSeconds { get; set; }

    /// <summary>
    /// The proofs the rank was computed from, exactly as used, in formula order: a JSON array of
    /// <see cref="Views.RankProofView"/> (at most 20 of about 300 bytes). Empty on the board's rows.
    /// </summary>
    public string Proofs { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }
}
