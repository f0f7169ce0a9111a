namespace PowerVerse.Functions.ReadModel.Views;

/// <summary>A VID's rank with the proofs it is computed from (newest first).</summary>
public sealed record RankDetailView(RankView Rank, IReadOnlyList<ProofView> Proofs);
