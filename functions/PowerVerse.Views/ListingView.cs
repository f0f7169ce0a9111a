namespace PowerVerse.Views;

/// <summary>A UID for sale with its resource spec and its VID's rank score.</summary>
public sealed record ListingView(
    string Uid, string Vid, string Hid, string Seller, string Token, string Price, long ComputeType, long GpuModel,
    long DurationSeconds, long GpuShareBps, long Vcpus, long MemoryMiB, long DiskGiB, string RankScore, DateTimeOffset ListedAt);
