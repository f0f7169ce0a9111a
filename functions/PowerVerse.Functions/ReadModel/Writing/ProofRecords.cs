using System.Numerics;

namespace PowerVerse.Functions.ReadModel.Writing;

/// <summary>
/// A challenge as it stands after a ProofOfCompute event. <paramref name="Status"/> is one of <see cref="ProofStatus"/>.
/// </summary>
internal sealed record ProofRecord(
    BigInteger ChallengeId, BigInteger Vid, BigInteger Hid, uint ComputeType, string Requester, string? Agent, string Status,
    int Difficulty, int Shares, long DeadlineSeconds, DateTimeOffset? RequestedAt, long Deadline, BigInteger Work,
    long ElapsedMs, long StartedAt, long FinishedAt, DateTimeOffset? CompletedAt);

/// <summary>The contract's challenge statuses, as the read model spells them.</summary>
internal static class ProofStatus
{
    public const string Requested = "requested";
    public const string Open = "open";
    public const string Verified = "verified";
    public const string Expired = "expired";
    public const string Lapsed = "lapsed";

    public static bool IsKnown(string status) => status is Requested or Open or Verified or Expired or Lapsed;
}

/// <summary>A dividend epoch after <c>EpochPosted</c>, <c>EpochFunded</c> or <c>EpochReclaimed</c>.</summary>
internal sealed record DividendEpochRecord(
    BigInteger Epoch, long Period, string Root, string Token, BigInteger Total, bool Funded, long ClaimDeadline, bool Reclaimed);

/// <summary>One account's leaf of an epoch's Merkle tree and its proof (0x-prefixed 32-byte hashes).</summary>
internal sealed record DividendRecord(BigInteger Epoch, string Account, BigInteger Amount, IReadOnlyList<string> Proof, bool Claimed);
