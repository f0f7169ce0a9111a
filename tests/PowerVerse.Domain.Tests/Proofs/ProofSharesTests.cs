using System.Buffers.Binary;
using PowerVerse.Domain.Hashing;
using PowerVerse.Domain.Proofs;

namespace PowerVerse.Domain.Tests.Proofs;

/// <summary>DESIGN §2's share rule: keccak256(seed ‖ agent ‖ nonce big-endian) starting with <c>difficulty</c> zero bits.</summary>
public sealed class ProofSharesTests
{
    private static readonly byte[] Seed = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Agent = Enumerable.Range(100, 20).Select(i => (byte)i).ToArray();

    [Fact]
    public void IsShare_EveryNonce_AgreesWithTheHashsLeadingZeroBits()
    {
        for (ulong nonce = 0; nonce < 4_096; nonce++)
        {
            var zeros = LeadingZeroBits(Hash(nonce));
            Assert.True(ProofShares.IsShare(Seed, Agent, nonce, zeros));
            Assert.False(ProofShares.IsShare(Seed, Agent, nonce, zeros + 1));
        }
    }

    [Fact]
    public void IsShare_DifficultyZero_EveryNonce() => Assert.True(ProofShares.IsShare(Seed, Agent, ulong.MaxValue, 0));

    [Fact]
    public void Check_RulesInTheContractsOrder()
    {
        var shares = Enumerable.Range(0, 100_000).Select(n => (ulong)n).Where(n => ProofShares.IsShare(Seed, Agent, n, 6)).Take(4).ToArray();

        Assert.Null(ProofShares.Check(Seed, Agent, 6, 4, shares));
        Assert.Equal(ProofRefusal.WrongShareCount, ProofShares.Check(Seed, Agent, 6, 4, shares[..3])?.Code);
        Assert.Equal(ProofRefusal.NoncesNotIncreasing, ProofShares.Check(Seed, Agent, 6, 4, [shares[0], shares[2], shares[1], shares[3]])?.Code);
        Assert.Equal(ProofRefusal.InvalidShare, ProofShares.Check(Seed, Agent, 60, 4, shares)?.Code);
    }

    [Fact]
    public void Work_SharesTimesTwoToTheDifficulty() => Assert.Equal(16 * 65_536, (long)ProofShares.Work(16, 16));

    private static byte[] Hash(ulong nonce)
    {
        var message = new byte[60];
        Seed.CopyTo(message, 0);
        Agent.CopyTo(message, 32);
        BinaryPrimitives.WriteUInt64BigEndian(message.AsSpan(52), nonce);
        return Keccak256.Hash(message);
    }

    private static int LeadingZeroBits(byte[] hash)
    {
        var bits = 0;
        foreach (var b in hash)
        {
            for (var bit = 7; bit >= 0; bit--)
            {
                if ((b >> bit & 1) != 0)
                {
                    return bits;
                }

                bits++;
            }
        }

        return bits;
    }
}
