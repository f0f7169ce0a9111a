using System.Globalization;
using System.Numerics;
using PowerVerse.Domain.Tokens;

namespace PowerVerse.Domain.Tests.Tokens;

public sealed class TokenAmountTests
{
    [Theory]
    [InlineData("120", 6, "120000000")]
    [InlineData("0.5", 6, "500000")]
    [InlineData("95", 18, "95000000000000000000")]
    [InlineData("1.250", 2, "125")]
    [InlineData(" 7 ", 0, "7")]
    public void Parse_WholeUnits_SmallestUnit(string amount, int decimals, string expected) =>
        Assert.Equal(expected, TokenAmount.Parse(amount, decimals).ToString(CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("1.234", 2)]
    [InlineData("-1", 6)]
    [InlineData("1e6", 6)]
    [InlineData(".5", 6)]
    [InlineData("1.", 6)]
    [InlineData("", 6)]
    [InlineData("1,000", 6)]
    public void Parse_NotAnAmount_Throws(string amount, int decimals) =>
        Assert.Throws<FormatException>(() => TokenAmount.Parse(amount, decimals));

    [Theory]
    [InlineData("120000000", 6, "120")]
    [InlineData("500000", 6, "0.5")]
    [InlineData("1234500000000000000000", 18, "1,234.5")]
    [InlineData("1", 18, "0.000000000000000001")]
    [InlineData("0", 6, "0")]
    [InlineData("1234567", 0, "1,234,567")]
    [InlineData("-2500000", 6, "-2.5")]
    public void Format_SmallestUnit_WholeUnitsGrouped(string raw, int decimals, string expected) =>
        Assert.Equal(expected, TokenAmount.Format(BigInteger.Parse(raw, CultureInfo.InvariantCulture), decimals));

    [Theory]
    [InlineData("0.05", 18)]
    [InlineData("1000000.000001", 6)]
    [InlineData("0", 0)]
    public void Format_OfParse_RoundTripsWithoutGrouping(string amount, int decimals) =>
        Assert.Equal(amount, TokenAmount.Format(TokenAmount.Parse(amount, decimals), decimals).Replace(",", string.Empty, StringComparison.Ordinal));
}
