namespace PowerVerse.Views;

/// <summary>A VID's rank with the proofs it was computed from, in the formula's order (issuedAt, then challenge id).</summary>
public sealed record RankDetailView(RankView Rank, IReadOnlyList<RankProofView> Proofs);
