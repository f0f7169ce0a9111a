using System.Numerics;

namespace PowerVerse.Domain.Dividends;

/// <summary>
/// The monthly dividend rule (DESIGN §2, DividendDistributor; seed 001 §8.2). An account's score for the month is the
/// sum of the performance scores of its resources that were listed or rented in the month and online in it; an account
/// with any violation in the month (a missed proof or a slash of one of its HIDs) scores 0. Each account is paid
/// floor(pool · score / total score); the epoch is funded with the sum of those amounts, never more than the pool.
/// </summary>
public static class DividendScores
{
    /// <param name="pool">The month's pool, in the token's smallest unit.</param>
    /// <param name="resources">The month's resources (any order; an account may have many).</param>
    /// <param name="violatingAccounts">Accounts with a violation in the month.</param>
    /// <returns>Every account that has a resource or a violation, ordered by address; all zero when no score counts.</returns>
    /// <exception cref="ArgumentException">A negative pool or score, a resource twice, or an account that is not an address.</exception>
    public static DividendAllocation Allocate(BigInteger pool, IEnumerable<ResourceMonth> resources, IEnumerable<string> violatingAccounts)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(violatingAccounts);
        if (pool.Sign < 0)
        {
            throw new ArgumentException($"The pool {pool} is negative.", nameof(pool));
        }

        var list = resources.ToList();
        if (list.FirstOrDefault(r => r.Score.Sign < 0) is { } negative)
        {
            throw new ArgumentException($"Resource {negative.Vid} has a negative score {negative.Score}.", nameof(resources));
        }

        if (list.GroupBy(r => r.Vid).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Resource {twice.Key} is given {twice.Count()} times.", nameof(resources));
        }

        var violations = violatingAccounts.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var scores = new SortedDictionary<string, BigInteger>(StringComparer.Ordinal);
        foreach (var account in violations)
        {
            scores[account] = BigInteger.Zero;
        }

        foreach (var resource in list)
        {
            var account = Normalize(resource.Account);
            var score = scores.GetValueOrDefault(account);
            scores[account] = resource.Counts && !violations.Contains(account) ? score + resource.Score : score;
        }

        var total = scores.Values.Aggregate(BigInteger.Zero, (sum, s) => sum + s);
        var accounts = scores
            .Select(s => new AccountDividend(s.Key, s.Value, violations.Contains(s.Key), total.IsZero ? BigInteger.Zero : pool * s.Value / total))
            .ToList();
        return new DividendAllocation(pool, accounts, total);
    }

    private static string Normalize(string account) => MerkleHex.Text(MerkleHex.Address(account, nameof(account)));
}
