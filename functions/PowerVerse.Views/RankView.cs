namespace PowerVerse.Views;

/// <summary>A VID's rank over the window of its latest finished proofs (README "Ranks").</summary>
/// <param name="Vid">The resource.</param>
/// <param name="Hid">Its hardware.</param>
/// <param name="ComputeType">Its compute type: the board it ranks on.</param>
/// <param name="GpuModel">Its hardware's GPU model.</param>
/// <param name="Score">floor(hashRate · successBps · uptimeBps / 10^8) (decimal): what the board and the market sort by.</param>
/// <param name="HashRate">EWMA (α = 1/4) of the verified proofs' rates, hashes per second (decimal).</param>
/// <param name="SuccessBps">floor(10000 · verified / (verified + missed)).</param>
/// <param name="UptimeBps">floor(10000 · (span − proven downtime) / span) over the window's span; 10000 for an empty span.</param>
/// <param name="Verified">Verified proofs in the window.</param>
/// <param name="Missed">Expired challenges in the window (a lapsed request is no proof and is not counted).</param>
/// <param name="Window">The proofs counted and the span they cover.</param>
/// <param name="UpdatedAt">When the read model last recomputed it.</param>
public sealed record RankView(
    string Vid, string Hid, long ComputeType, long GpuModel, string Score, string HashRate, int SuccessBps, int UptimeBps, int Verified,
    int Missed, RankWindowView Window, DateTimeOffset UpdatedAt);
