namespace PowerVerse.Views;

/// <summary>The proofs a rank is computed over: how many (at most <paramref name="Max"/>) and the span they cover.</summary>
/// <param name="Proofs">Finished proofs in the window.</param>
/// <param name="Max">The window's size: the VID's latest finished proofs by challenge id.</param>
/// <param name="From">The span's start, the first proof's issuedAt (unix seconds).</param>
/// <param name="To">The span's end, the latest finishedAt (unix seconds).</param>
/// <param name="DowntimeSeconds">Proven downtime inside [from, to): a miss's issue until the next verified proof's issue.</param>
public sealed record RankWindowView(int Proofs, int Max, long From, long To, long DowntimeSeconds);
