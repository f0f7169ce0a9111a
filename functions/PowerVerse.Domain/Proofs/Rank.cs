using System.Numerics;

namespace PowerVerse.Domain.Proofs;

/// <summary>A VID's rank as <see cref="RankFormula.Compute"/> derives it, with the window it was computed over.</summary>
/// <param name="HashRate">EWMA (α = 1/4) of the verified proofs' rates, hashes per second; 0 with no verified proof.</param>
/// <param name="SuccessBps">floor(10000 · verified / finished).</param>
/// <param name="UptimeBps">floor(10000 · (span − downtime) / span); 10000 when the span is empty.</param>
/// <param name="Score">floor(hashRate · successBps · uptimeBps / 10^8): what the rank board and the market sort by.</param>
/// <param name="Verified">Verified proofs in the window.</param>
/// <param name="Missed">Missed (expired) proofs in the window.</param>
/// <param name="From">The span's start: the window's first issuedAt (unix seconds).</param>
/// <param name="To">The span's end: the window's latest finishedAt (unix seconds, never before <paramref name="From"/>).</param>
/// <param name="DowntimeSeconds"><see cref="ProvenDowntime.Within"/> of the window over [From, To).</param>
/// <param name="Proofs">The window, in formula order (issuedAt, then challenge id).</param>
public sealed record Rank(
    BigInteger HashRate, int SuccessBps, int UptimeBps, BigInteger Score, int Verified, int Missed, long From, long To, long DowntimeSeconds,
    IReadOnlyList<RankedProof> Proofs);
