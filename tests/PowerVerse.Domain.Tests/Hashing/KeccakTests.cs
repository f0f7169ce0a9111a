using System.Text;
using Nethereum.Util;
using PowerVerse.Domain.Hashing;

namespace PowerVerse.Domain.Tests.Hashing;

/// <summary>Our Keccak-256 (the one proofs are checked with) against published values and an independent implementation.</summary>
public sealed class KeccakTests
{
    [Theory]
    // keccak256("") differs from SHA3-256("") = a7ffc6f8bf1ed766...: Ethereum's Keccak pads with 0x01, FIPS 202 with 0x06.
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("Transfer(address,address,uint256)", "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")]
    public void Hash_KnownInputs_PublishedDigests(string input, string digest) =>
        Assert.Equal(digest, Convert.ToHexStringLower(Keccak256.Hash(Encoding.UTF8.GetBytes(input))));

    [Fact]
    public void Hash_EveryLengthAroundTheRate_SameAsIndependentImplementation()
    {
        var random = new Random(1);
        for (var length = 0; length <= 3 * Keccak256.RateBytes + 1; length++)
        {
            var input = new byte[length];
            random.NextBytes(input);

            Assert.Equal(Sha3Keccack.Current.CalculateHash(input), Keccak256.Hash(input));
        }
    }

    [Fact]
    public void Hash_ShortOutput_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Keccak256.Hash([1, 2, 3], new byte[31]));
        Assert.Contains("32 bytes", ex.Message, StringComparison.Ordinal);
    }
}
