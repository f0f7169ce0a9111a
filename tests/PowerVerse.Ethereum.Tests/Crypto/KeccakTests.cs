using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;
using PowerVerse.Ethereum.Tests.Support;

namespace PowerVerse.Ethereum.Tests.Crypto;

public sealed class KeccakTests
{
    public static TheoryData<int> Cases() => TestData.Indexes("keccak");

    [Fact]
    public void Hash_Empty_IsKeccakNotSha3()
    {
        // keccak256("") — differs from SHA3-256("") = a7ffc6f8bf1ed766...
        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", HexEncoding.ToHex(Keccak256.Hash([])));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hash_LengthsAroundTheRate_MatchEthers(int index)
    {
        var c = TestData.Expected.GetProperty("keccak")[index];

        var hash = Keccak256.Hash(HexEncoding.ToBytes(c.GetProperty("input").GetString()!));

        Assert.Equal(c.GetProperty("hash").GetString(), HexEncoding.ToHex(hash));
    }

    [Fact]
    public void Hash_SameAsBouncyCastleDigest_ForManyLengths()
    {
        var random = new Random(1);
        for (var length = 0; length < 600; length += 7)
        {
            var input = new byte[length];
            random.NextBytes(input);
            var digest = new Org.BouncyCastle.Crypto.Digests.KeccakDigest(256);
            digest.BlockUpdate(input, 0, input.Length);
            var expected = new byte[32];
            digest.DoFinal(expected, 0);

            Assert.Equal(expected, Keccak256.Hash(input));
        }
    }

    [Fact]
    public void Hash_ShortOutput_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Keccak256.Hash([1, 2, 3], new byte[31]));
        Assert.Contains("32 bytes", ex.Message, StringComparison.Ordinal);
    }
}
