using System.Globalization;
using System.Numerics;
using PowerVerse.Functions.ReadModel.Entities;

namespace PowerVerse.Functions.ReadModel.Writing;

/// <summary>
/// A VID's rank from its latest finished proofs (DESIGN §2: verified hash rate = work / elapsed). The score is the
/// mean verified hash rate discounted by the share of missed challenges: mean × verified / (verified + missed), so a
/// fast resource that misses half its challenges ranks as half as fast.
/// </summary>
internal static class RankCalculator
{
    /// <summary>How many of the latest finished proofs a rank is computed from.</summary>
    public const int Window = 10;

    /// <summary>Hashes per second of one proof: work · 1000 / elapsed ms, 0 unless verified with a positive elapsed time.</summary>
    public static BigInteger HashRate(string status, BigInteger work, long elapsedMs) =>
        status == ProofStatus.Verified && elapsedMs > 0 ? work * 1000 / elapsedMs : BigInteger.Zero;

    public static (BigInteger Score, BigInteger HashRate, int Verified, int Failed) Compute(IReadOnlyCollection<ProofEntity> proofs)
    {
        ArgumentNullException.ThrowIfNull(proofs);
        var rates = proofs.Where(p => p.Status == ProofStatus.Verified).Select(p => BigInteger.Parse(p.HashRate, CultureInfo.InvariantCulture)).ToList();
        var failed = proofs.Count(p => p.Status == ProofStatus.Expired);
        if (rates.Count == 0)
        {
            return (BigInteger.Zero, BigInteger.Zero, 0, failed);
        }

        var sum = rates.Aggregate(BigInteger.Zero, (a, b) => a + b);
        var mean = sum / rates.Count;
        return (sum / (rates.Count + failed), mean, rates.Count, failed);
    }
}
