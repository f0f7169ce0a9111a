using PowerVerse.Domain.Hashing;
using PowerVerse.GpuAgent.Backends.Cpu;
using PowerVerse.GpuAgent.Proof;

namespace PowerVerse.GpuAgent.Tests.Backends.Cpu;

public sealed class CpuKernelTests
{
    // Kernel widths (lanes per instruction) this CPU runs; the enum is internal, so theories take the width.
    public static TheoryData<int> SupportedKinds()
    {
        var kinds = new TheoryData<int> { (int)CpuKernelKind.Scalar };
        if (KeccakX4.IsSupported)
        {
            kinds.Add((int)CpuKernelKind.Vector256);
        }

        if (KeccakX8.IsSupported)
        {
            kinds.Add((int)CpuKernelKind.Vector512);
        }

        return kinds;
    }

    [Theory]
    [MemberData(nameof(SupportedKinds))]
    public void Scan_RandomChallenges_FindsExactlyTheNoncesTheReferenceHashAccepts(int width)
    {
        var kind = (CpuKernelKind)width;
        var random = new Random(1234 + (int)kind);
        for (var trial = 0; trial < 4; trial++)
        {
            var challenge = RandomChallenge(random, difficulty: 6);
            var message = new ProofMessage(challenge);
            var first = (ulong)random.NextInt64() + 3;
            var found = new List<ulong>();
            CpuKernel.Scan(message, first, 1029, found, kind);

            var expected = new List<ulong>();
            var bytes = new byte[ProofMessage.Length];
            for (var nonce = first; nonce < first + 1029; nonce++)
            {
                message.Write(nonce, bytes);
                if (LeadingZeroBits(Keccak256.Hash(bytes)) >= 6)
                {
                    expected.Add(nonce);
                }
            }

            Assert.NotEmpty(expected);
            Assert.Equal(expected, found);
        }
    }

    [Theory]
    [MemberData(nameof(SupportedKinds))]
    public void Scan_NonceCrossingA32BitBoundary_MatchesScalar(int width)
    {
        var kind = (CpuKernelKind)width;
        var challenge = RandomChallenge(new Random(99), difficulty: 4);
        var message = new ProofMessage(challenge);
        var first = 0x00000001_FFFFFF00UL;
        var scalar = new List<ulong>();
        var vector = new List<ulong>();
        CpuKernel.Scan(message, first, 512, scalar, CpuKernelKind.Scalar);
        CpuKernel.Scan(message, first, 512, vector, kind);
        Assert.Equal(scalar, vector);
    }

    internal static ProofChallenge RandomChallenge(Random random, int difficulty, int shares = 1, ulong start = 0)
    {
        var seed = new byte[32];
        var agent = new byte[20];
        random.NextBytes(seed);
        random.NextBytes(agent);
        return new ProofChallenge(seed, agent, difficulty, shares, start);
    }

    internal static int LeadingZeroBits(byte[] digest)
    {
        var bits = 0;
        foreach (var b in digest)
        {
            if (b != 0)
            {
                return bits + System.Numerics.BitOperations.LeadingZeroCount((uint)b) - 24;
            }

            bits += 8;
        }

        return bits;
    }
}
