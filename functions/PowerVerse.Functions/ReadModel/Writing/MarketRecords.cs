using System.Numerics;

namespace PowerVerse.Functions.ReadModel.Writing;

/// <summary><c>ComputeMarket.Listed</c>, with the UID's resource spec (read with the event) for the market screen.</summary>
internal sealed record ListingRecord(
    BigInteger Uid, BigInteger Vid, BigInteger Hid, string Seller, string Token, BigInteger Price, uint ComputeType,
    uint GpuModel, long DurationSeconds, int GpuShareBps, int Vcpus, uint MemoryMiB, uint DiskGiB, DateTimeOffset ListedAt);

/// <summary><c>ComputeMarket.SharesListed</c> (and after each <c>SharesPurchased</c>, with what remains).</summary>
internal sealed record ShareListingRecord(
    BigInteger ListingId, BigInteger Vid, string Seller, string Token, BigInteger Amount, BigInteger Remaining,
    BigInteger UnitPrice, uint ComputeType, uint GpuModel, BigInteger TotalShares);

/// <summary><c>ComputeMarket.Purchased</c>: a sale of a UID at block time <paramref name="Time"/>.</summary>
internal sealed record UsageOrderRecord(
    BigInteger Uid, BigInteger Vid, string Buyer, string Seller, string Token, BigInteger Price, long Expires,
    uint ComputeType, uint GpuModel, DateTimeOffset Time);

/// <summary><c>ComputeMarket.SharesPurchased</c>, with its listing's VID, seller, token and unit price.</summary>
internal sealed record RevenueOrderRecord(
    BigInteger ListingId, BigInteger Vid, string Buyer, string Seller, string Token, BigInteger Amount,
    BigInteger UnitPrice, BigInteger Cost, DateTimeOffset Time);
