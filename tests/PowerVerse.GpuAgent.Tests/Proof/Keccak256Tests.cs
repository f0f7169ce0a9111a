using System.Text;
using PowerVerse.GpuAgent.Proof;

namespace PowerVerse.GpuAgent.Tests.Proof;

public sealed class Keccak256Tests
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("The quick brown fox jumps over the lazy dog", "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    public void Hash_KnownText_MatchesPublishedDigest(string text, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(Keccak256.Hash(Encoding.ASCII.GetBytes(text))));
    }

    // Digests from js-sha3's keccak256, an independent implementation.
    [Theory]
    [InlineData(136, "a6c4d403279fe3e0af03729caada8374b5ca54d8065329a3ebcaeb4b60aa386e")]
    public void Hash_ExactlyOneRateBlock_PadsIntoASecondBlock(int length, string expected)
    {
        var message = Enumerable.Repeat((byte)'a', length).ToArray();
        Assert.Equal(expected, Convert.ToHexStringLower(Keccak256.Hash(message)));
    }

    [Fact]
    public void Hash_TwoHundredBytes_AbsorbsTwoBlocks()
    {
        var message = Enumerable.Range(0, 200).Select(i => (byte)i).ToArray();
        Assert.Equal("bfb0aa97863e797943cf7c33bb7e880bb4543f3d2703c0923c6901c2af57b890", Convert.ToHexStringLower(Keccak256.Hash(message)));
    }

    [Fact]
    public void Digest_ProofMessage_MatchesHashOfTheSixtyBytes()
    {
        var seed = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var agent = Enumerable.Range(32, 20).Select(i => (byte)i).ToArray();
        var message = new ProofMessage(new ProofChallenge(seed, agent, 0, 1));
        Span<ulong> state = stackalloc ulong[25];
        message.Digest(0x0102030405060708UL, state);
        var digest = new byte[32];
        for (var i = 0; i < 4; i++)
        {
            BitConverter.TryWriteBytes(digest.AsSpan(i * 8), state[i]);
        }

        Assert.Equal("b67db9a8102476f733c74456fe91f89f695b5853ce91904d8cae655d7cb362d7", Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void Hash_RandomInputs_MatchesTheEthereumLayersKeccak()
    {
        var random = new Random(42);
        for (var length = 0; length < 600; length += 1 + random.Next(7))
        {
            var input = new byte[length];
            random.NextBytes(input);
            Assert.Equal(PowerVerse.Ethereum.Crypto.Keccak256.Hash(input), Keccak256.Hash(input));
        }
    }

    [Fact]
    public void Write_Nonce_IsBigEndianAfterSeedAndAgent()
    {
        var seed = new byte[32];
        var agent = new byte[20];
        var message = new ProofMessage(new ProofChallenge(seed, agent, 0, 1));
        var bytes = new byte[ProofMessage.Length];
        message.Write(0x0102030405060708UL, bytes);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], bytes[52..]);
    }

    [Theory]
    [InlineData("00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", 8, true)]
    [InlineData("00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", 9, false)]
    [InlineData("000fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", 12, true)]
    [InlineData("000fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", 13, false)]
    [InlineData("00000000000000007fffffffffffffffffffffffffffffffffffffffffffffff", 65, true)]
    [InlineData("00000000000000007fffffffffffffffffffffffffffffffffffffffffffffff", 66, false)]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", 0, true)]
    public void MeetsDifficulty_DigestBits_CountsLeadingZeroBitsFromByteZero(string digestHex, int difficulty, bool expected)
    {
        var digest = Convert.FromHexString(digestHex);
        var lanes = Enumerable.Range(0, 4).Select(i => BitConverter.ToUInt64(digest, i * 8)).ToArray();
        Assert.Equal(expected, ProofMessage.MeetsDifficulty(lanes, difficulty));
    }
}
