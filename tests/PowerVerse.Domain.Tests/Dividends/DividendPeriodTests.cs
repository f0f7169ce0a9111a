using PowerVerse.Domain.Dividends;

namespace PowerVerse.Domain.Tests.Dividends;

public sealed class DividendPeriodTests
{
    [Fact]
    public void Of_TimeInAMonth_ThatMonthWithItsUtcBounds()
    {
        var period = DividendPeriod.Of(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero));

        Assert.Equal(202612, period.Value);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), period.Start);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), period.End);
        Assert.Equal(202701, period.Next.Value);
        Assert.Equal(202611, period.Previous.Value);
    }

    [Fact]
    public void Of_OffsetTime_ReadInUtc() =>
        Assert.Equal(202702, DividendPeriod.Of(new DateTimeOffset(2027, 1, 31, 22, 0, 0, TimeSpan.FromHours(-3))).Value);

    [Fact]
    public void Through_AcrossAYear_EveryMonthOnce() =>
        Assert.Equal([202611, 202612, 202701, 202702], DividendPeriod.From(202611).Through(DividendPeriod.From(202702)).Select(p => p.Value));

    [Fact]
    public void Through_EarlierLast_Nothing() => Assert.Empty(DividendPeriod.From(202611).Through(DividendPeriod.From(202610)));

    [Fact]
    public void Through_LastMonthOfYear9999_Ends() =>
        Assert.Equal([999911, 999912], DividendPeriod.From(999911).Through(DividendPeriod.From(999912)).Select(p => p.Value));

    [Theory]
    [InlineData(199912)]
    [InlineData(202600)]
    [InlineData(202613)]
    [InlineData(1000001)]
    public void From_NotAMonth_Refused(int value) => Assert.Throws<ArgumentException>(() => DividendPeriod.From(value));

    [Theory]
    [InlineData("202611", true)]
    [InlineData("2026111", false)]
    [InlineData("20261", false)]
    [InlineData("-20261", false)]
    [InlineData("202613", false)]
    [InlineData("abcdef", false)]
    public void TryParse_SixDigitMonthsOnly(string text, bool parses) => Assert.Equal(parses, DividendPeriod.TryParse(text, out _));
}
