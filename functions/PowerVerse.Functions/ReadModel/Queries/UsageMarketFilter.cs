using System.Numerics;

namespace PowerVerse.Functions.ReadModel.Queries;

/// <summary>
/// The UID market's filters. <paramref name="Sort"/> is <c>price</c> (cheapest first) or <c>rank</c> (best first, then
/// cheapest). Its printed form identifies the query a continuation token belongs to.
/// </summary>
public sealed record UsageMarketFilter(
    uint? ComputeType, uint? GpuModel, BigInteger? MinPrice, BigInteger? MaxPrice, string? Token, BigInteger? MinRank, string Sort);
