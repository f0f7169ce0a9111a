using System.Numerics;
using PowerVerse.Functions.ReadModel;
using PowerVerse.Functions.Tests.Support;

namespace PowerVerse.Functions.Tests.ReadModel;

public sealed class KeysTests
{
    [Fact]
    public void Sortable_Amounts_SortAsTextInNumericOrder()
    {
        BigInteger[] amounts = [0, 1, 9, 10, 99, 100, BigInteger.Pow(10, 18), BigInteger.Pow(10, 77), Sample.Huge - 1, Sample.Huge];

        var keys = amounts.Select(Keys.Sortable).ToList();

        Assert.All(keys, k => Assert.Equal(Keys.Uint256Digits, k.Length));
        Assert.Equal(keys, keys.Order(StringComparer.Ordinal));
        Assert.Equal(Sample.Huge.ToString(System.Globalization.CultureInfo.InvariantCulture), keys[^1]);
    }

    [Fact]
    public void Descending_Amounts_SortAsTextInReverseOrder()
    {
        BigInteger[] amounts = [0, 5, 50, BigInteger.Pow(2, 200), Sample.Huge];

        var keys = amounts.Select(Keys.Descending).ToList();

        Assert.Equal(keys.AsEnumerable().Reverse(), keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4294967296L)]
    public void Small_OutsideUint32_Throws(long value) => Assert.Throws<ArgumentOutOfRangeException>(() => Keys.Small(value));

    [Fact]
    public void Sortable_AboveUint256OrNegative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Keys.Sortable(Sample.Huge + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Keys.Id(-1));
    }

    [Fact]
    public void NewestFirst_LaterBlockOrLaterLog_SortsFirst()
    {
        Assert.True(string.CompareOrdinal(Keys.NewestFirst(10, 0), Keys.NewestFirst(9, 5)) < 0);
        Assert.True(string.CompareOrdinal(Keys.NewestFirst(10, 3), Keys.NewestFirst(10, 2)) < 0);
    }

    [Fact]
    public void Account_AnyCase_LowercaseKeyAndChecksummedValue()
    {
        Assert.Equal(Sample.Provider.ToLowerInvariant(), Keys.Account(Sample.Provider.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)));
        Assert.Equal(Sample.Provider, Addresses.Normalize(Sample.Provider.ToLowerInvariant()));
        Assert.False(Addresses.IsValid("0x" + new string('g', 40)));
        Assert.False(Addresses.IsValid(Sample.Provider[2..]));
    }
}
