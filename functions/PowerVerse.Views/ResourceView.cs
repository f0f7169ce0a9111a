namespace PowerVerse.Views;

/// <summary>A VID. <c>LiveUid</c> is the UID bound to it while that UID is live (never rented, or rented and not expired); <c>Free</c>: none is, so its owner may create a new UID (scenario 2).</summary>
public sealed record ResourceView(
    string Vid, string Hid, string Owner, long GpuModel, long ComputeType, long GpuShareBps, long Vcpus, long MemoryMiB,
    long DiskGiB, string? LiveUid, bool Free, long RentedUntil, string RevenueShares, bool Retired, ChainRefView Source);
