namespace PowerVerse.Views;

/// <summary>One proof exactly as a rank used it (README "Ranks"). Times are unix seconds of chain blocks.</summary>
/// <param name="ChallengeId">The challenge (decimal).</param>
/// <param name="Status"><c>verified</c> or <c>expired</c> (missed).</param>
/// <param name="IssuedAt">The dispatch block's time: the challenge's deadline − deadlineSeconds.</param>
/// <param name="FinishedAt">The time of the block of its <c>ProofVerified</c> or <c>ChallengeExpired</c> event (not the
/// agent's own finishedAt, which <c>/api/proofs/{challengeId}</c> shows).</param>
/// <param name="Work">shares · 2^difficulty (decimal); "0" when expired.</param>
/// <param name="ElapsedMs">The elapsed time ProofOfCompute recorded with the result; 0 when expired.</param>
/// <param name="Rate">floor(work · 1000 / elapsedMs), hashes per second (decimal); "0" when expired.</param>
/// <param name="Source">The event that finished it.</param>
public sealed record RankProofView(
    string ChallengeId, string Status, long IssuedAt, long FinishedAt, string Work, long ElapsedMs, string Rate, ChainRefView Source);
