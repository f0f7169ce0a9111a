using System.Globalization;
using System.Numerics;

namespace PowerVerse.Functions.Orchestrations.Dividends;

/// <summary>The monthly dividend (configuration section <c>Dividends</c>).</summary>
public sealed class DividendOptions
{
    /// <summary>100,000 PVC (18 decimals).</summary>
    public const string DefaultMonthlyPool = "100000000000000000000000";

    /// <summary>The month's pool in the token's smallest unit (PVC wei), a decimal string: the settler must hold it.</summary>
    public string MonthlyPool { get; set; } = DefaultMonthlyPool;

    /// <summary>The token the dividend is paid in: a deployment-manifest name or an address.</summary>
    public string Token { get; set; } = "PowerVerseCoin";

    /// <summary>How long an activity waits for the settler's transaction to be confirmed before it is retried.</summary>
    public TimeSpan ConfirmTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The pool as a number: a positive integer below 2^96 (what the contract takes as an epoch's total).</summary>
    /// <exception cref="InvalidOperationException">The setting is not such a number.</exception>
    public BigInteger Pool() =>
        BigInteger.TryParse(MonthlyPool, NumberStyles.None, CultureInfo.InvariantCulture, out var pool) && pool > 0 && pool < BigInteger.One << 96
            ? pool
            : throw new InvalidOperationException($"Dividends:MonthlyPool must be a positive decimal integer below 2^96 (token units), not '{MonthlyPool}'.");
}
