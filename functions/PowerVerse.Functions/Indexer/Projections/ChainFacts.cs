using System.Numerics;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>What an HID was registered with: never changes (its agent does, and is read where needed).</summary>
internal sealed record HardwareFacts(
    BigInteger Hid, string Provider, uint GpuModel, uint ComputeType, string DeviceHash, int Vcpus, uint MemoryMiB);

/// <summary>What a VID was created with, and the HID it is carved from: never changes, and outlives the burned VID.</summary>
internal sealed record ResourceFacts(
    BigInteger Vid, string Provider, HardwareFacts Hardware, int GpuShareBps, int Vcpus, uint MemoryMiB, uint DiskGiB);

/// <summary>What a UID was created with: its VID, creator and rental duration.</summary>
internal sealed record UsageRightFacts(BigInteger Uid, string Provider, long DurationSeconds, ResourceFacts Resource);

/// <summary>The terms of an RID listing (<c>SharesListed</c>); the listing itself is deleted on chain once filled.</summary>
internal sealed record ShareListingFacts(BigInteger ListingId, BigInteger Vid, string Seller, string Token, BigInteger Amount, BigInteger UnitPrice);
