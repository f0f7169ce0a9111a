using System.Numerics;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;

namespace PowerVerse.Ethereum.Tests.Hex;

public sealed class HexTests
{
    [Theory]
    [InlineData("0x", new byte[0])]
    [InlineData("0x00ff10", new byte[] { 0, 255, 16 })]
    [InlineData("00FF10", new byte[] { 0, 255, 16 })]
    public void ToBytes_ValidHex_Parses(string hex, byte[] expected)
    {
        Assert.Equal(expected, HexEncoding.ToBytes(hex));
    }

    [Theory]
    [InlineData("0x123", "odd number")]
    [InlineData("0x12g4", "not a hex digit")]
    [InlineData("0x 1", "not a hex digit")]
    public void ToBytes_MalformedHex_ThrowsHexFormatExceptionSayingWhy(string hex, string why)
    {
        var ex = Assert.Throws<HexFormatException>(() => HexEncoding.ToBytes(hex));

        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToBytes_WrongLength_ThrowsHexFormatException()
    {
        var ex = Assert.Throws<HexFormatException>(() => HexEncoding.ToBytes("0x0102", 32));

        Assert.Contains("expected 32", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0x0")]
    [InlineData(1, "0x1")]
    [InlineData(1024, "0x400")]
    public void ToQuantity_Values_HaveNoLeadingZeros(long value, string expected)
    {
        Assert.Equal(expected, HexEncoding.ToQuantity(value));
        Assert.Equal(new BigInteger(value), HexEncoding.ToBigInteger(expected));
    }

    [Theory]
    [InlineData("0x")]
    [InlineData("400")]
    [InlineData("0xg")]
    public void ToBigInteger_BadQuantity_ThrowsHexFormatException(string text)
    {
        Assert.Throws<HexFormatException>(() => HexEncoding.ToBigInteger(text));
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Parse_Eip55Examples_RoundTripsWithChecksum(string text)
    {
        var address = Address.Parse(text);

        Assert.Equal(text, address.ToString());
        Assert.Equal(address, Address.Parse(text.ToLowerInvariant()));
    }

    [Fact]
    public void Parse_BadChecksum_ThrowsHexFormatException()
    {
        var ex = Assert.Throws<HexFormatException>(() => Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));

        Assert.Contains("EIP-55", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00")]
    public void Parse_WrongLength_ThrowsHexFormatException(string text)
    {
        Assert.Throws<HexFormatException>(() => Address.Parse(text));
    }
}
