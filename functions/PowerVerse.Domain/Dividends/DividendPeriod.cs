using System.Globalization;

namespace PowerVerse.Domain.Dividends;

/// <summary>
/// A dividend month as DividendDistributor names it: <c>yyyymm</c> (years 2000 to 9999), covering
/// [the first of the month 00:00 UTC, the first of the next month) in chain time.
/// </summary>
public readonly record struct DividendPeriod
{
    private DividendPeriod(int year, int month) => (Year, Month) = (year, month);

    public int Year { get; }

    public int Month { get; }

    /// <summary>yyyymm, as <c>postEpoch</c> takes it.</summary>
    public int Value => (Year * 100) + Month;

    public DateTimeOffset Start => new(Year, Month, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first second of the next month (exclusive).</summary>
    public DateTimeOffset End => Start.AddMonths(1);

    public DividendPeriod Next => Of(End);

    public DividendPeriod Previous => Of(Start.AddDays(-1));

    /// <summary>The month <paramref name="time"/> falls in (UTC).</summary>
    public static DividendPeriod Of(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return utc.Year is >= 2000 and <= 9999
            ? new DividendPeriod(utc.Year, utc.Month)
            : throw new ArgumentOutOfRangeException(nameof(time), time, "Dividend months are in the years 2000 to 9999.");
    }

    /// <exception cref="ArgumentException">Not a month yyyymm of the years 2000 to 9999.</exception>
    public static DividendPeriod From(int value) =>
        value / 100 is >= 2000 and <= 9999 && value % 100 is >= 1 and <= 12
            ? new DividendPeriod(value / 100, value % 100)
            : throw new ArgumentException($"{value} is not a month yyyymm of the years 2000 to 9999.", nameof(value));

    /// <summary>Parses yyyymm (six digits).</summary>
    public static bool TryParse(string? text, out DividendPeriod period)
    {
        period = default;
        if (text is not { Length: 6 } || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value / 100 < 2000 || value % 100 is < 1 or > 12)
        {
            return false;
        }

        period = From(value);
        return true;
    }

    /// <summary>The months from this one to <paramref name="last"/>, both included (none when <paramref name="last"/> is earlier).</summary>
    public IEnumerable<DividendPeriod> Through(DividendPeriod last)
    {
        for (var month = this; month.Value <= last.Value; month = month.Next)
        {
            yield return month;
            if (month.Value == last.Value)
            {
                // December 9999 has no next month.
                yield break;
            }
        }
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
