using System.Buffers.Binary;
using PowerVerse.Domain.Hashing;

namespace PowerVerse.Indexer.Tests.Ranks;

/// <summary>
/// Finds a challenge's shares as DESIGN §2 defines them: the first <c>shares</c> nonces from 0 up whose
/// keccak256(seed(32) ‖ agent(20) ‖ nonce(8, big-endian)) starts with <c>difficulty</c> zero bits. Plain and slow next to
/// the gpu-agent's kernels, which is fine for the few proofs a test needs: the contract checks every share.
/// </summary>
internal static class ShareSolver
{
    public static IReadOnlyList<ulong> Solve(byte[] seed, byte[] agent, int difficulty, int shares)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(agent);
        var message = new byte[60];
        seed.CopyTo(message, 0);
        agent.CopyTo(message, 32);
        var hash = new byte[32];
        var found = new List<ulong>(shares);
        for (ulong nonce = 0; found.Count < shares; nonce++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(message.AsSpan(52), nonce);
            Keccak256.Hash(message, hash);
            if (LeadingZeroBits(hash) >= difficulty)
            {
                found.Add(nonce);
            }
        }

        return found;
    }

    private static int LeadingZeroBits(byte[] hash)
    {
        var bits = 0;
        foreach (var b in hash)
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
