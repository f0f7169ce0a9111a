using PowerVerse.Domain.Hashing;
using PowerVerse.GpuAgent.Proof;

namespace PowerVerse.GpuAgent.Tests.Proof;

public sealed class ProofMessageTests
{
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
    public void Digest_RandomChallengesAndNonces_EqualsKeccakOfTheWrittenMessage()
    {
        var random = new Random(42);
        Span<ulong> state = stackalloc ulong[25];
        var bytes = new byte[ProofMessage.Length];
        for (var i = 0; i < 200; i++)
        {
            var seed = new byte[32];
            var agent = new byte[20];
            random.NextBytes(seed);
            random.NextBytes(agent);
            var nonce = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63);
            var message = new ProofMessage(new ProofChallenge(seed, agent, 0, 1));

            message.Digest(nonce, state);
            message.Write(nonce, bytes);

            var expected = Keccak256.Hash(bytes);
            for (var lane = 0; lane < 4; lane++)
            {
                Assert.Equal(BitConverter.ToUInt64(expected, lane * 8), state[lane]);
            }
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
