namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>A dispatched challenge's row: its workflow, the salt (hex, no 0x) and when it was sent to the agent.</summary>
public sealed record ChallengeRecord(string ChallengeId, string InstanceId, string Salt, DateTimeOffset? SentAt);
