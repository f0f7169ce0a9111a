namespace PowerVerse.Views;

/// <summary>A challenge and its outcome (status <c>requested</c>, <c>open</c>, <c>verified</c>, <c>expired</c>, <c>lapsed</c>).</summary>
public sealed record ProofView(
    string ChallengeId, string Vid, string Hid, long ComputeType, string Requester, string? Agent, string Status, int Difficulty,
    int Shares, long DeadlineSeconds, DateTimeOffset? RequestedAt, long Deadline, string Work, long ElapsedMs, long StartedAt,
    long FinishedAt, string HashRate, DateTimeOffset? CompletedAt, ChainRefView Source);
