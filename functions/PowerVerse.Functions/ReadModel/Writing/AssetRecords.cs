using System.Numerics;

namespace PowerVerse.Functions.ReadModel.Writing;

/// <summary>An HID as it stands after an event (HardwareRegistered, AgentChanged, Transfer, staking events).</summary>
internal sealed record HardwareRecord(
    BigInteger Hid, string Owner, string Provider, string Agent, uint GpuModel, uint ComputeType, string DeviceHash,
    int Vcpus, uint MemoryMiB, BigInteger Stake, BigInteger Slashed);

/// <summary>
/// A VID as it stands after an event. <paramref name="BoundUid"/> is the UID bound to it last (null: none);
/// <paramref name="BoundUidExpires"/> the end of that UID's rental (0: never rented).
/// </summary>
internal sealed record ResourceRecord(
    BigInteger Vid, BigInteger Hid, string Owner, uint GpuModel, uint ComputeType, int GpuShareBps, int Vcpus,
    uint MemoryMiB, uint DiskGiB, BigInteger? BoundUid, long BoundUidExpires, BigInteger RevenueShares, bool Retired);

/// <summary>A UID as it stands after an event; <paramref name="User"/> null and <paramref name="Expires"/> 0 until sold.</summary>
internal sealed record UsageRightRecord(
    BigInteger Uid, BigInteger Vid, BigInteger Hid, string Owner, string Provider, long DurationSeconds, string? User,
    long Expires, uint GpuModel, uint ComputeType, bool Retired);

/// <summary>What an account holds of one asset; a zero <paramref name="Amount"/> removes the holding.</summary>
internal sealed record HoldingRecord(string Account, string Kind, BigInteger TokenId, BigInteger Amount, long Expires = 0);

/// <summary>The kinds of <see cref="HoldingRecord"/>.</summary>
internal static class HoldingKinds
{
    public const string Hardware = "hid";
    public const string Resource = "vid";
    public const string UsageRight = "uid";
    public const string RevenueRight = "rid";

    /// <summary>A UID the account is the ERC-4907 user of (bought, not owned).</summary>
    public const string Use = "use";

    public static bool IsKnown(string kind) => kind is Hardware or Resource or UsageRight or RevenueRight or Use;
}

/// <summary>An account's balance of one payment token.</summary>
internal sealed record BalanceRecord(string Account, string Token, string Symbol, BigInteger Balance);

/// <summary>An account's income from one VID in one token (the contract's accumulator, read at the event).</summary>
internal sealed record RevenueRecord(string Account, BigInteger Vid, string Token, BigInteger Shares, BigInteger Claimable, BigInteger Claimed);
