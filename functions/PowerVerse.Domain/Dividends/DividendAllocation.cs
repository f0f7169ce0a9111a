using System.Numerics;

namespace PowerVerse.Domain.Dividends;

/// <summary>A month's pool shared by score: every account considered, the sum of their scores, and what is paid.</summary>
public sealed record DividendAllocation(BigInteger Pool, IReadOnlyList<AccountDividend> Accounts, BigInteger TotalScore)
{
    /// <summary>The sum of the amounts (at most the pool; less by the rounding of each amount down).</summary>
    public BigInteger Total => Accounts.Aggregate(BigInteger.Zero, (sum, a) => sum + a.Amount);

    /// <summary>The tree's leaves: every account with an amount above zero.</summary>
    public IReadOnlyList<DividendLeaf> Leaves => Accounts.Where(a => a.Amount > 0).Select(a => new DividendLeaf(a.Account, a.Amount)).ToList();
}
