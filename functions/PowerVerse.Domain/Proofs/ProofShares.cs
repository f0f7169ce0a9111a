using System.Buffers.Binary;
using System.Numerics;
using PowerVerse.Domain.Hashing;

namespace PowerVerse.Domain.Proofs;

/// <summary>
/// The keccak-shares proof of DESIGN §2, as ProofOfCompute checks it: the hashed message is the 60 bytes
/// seed(32) ‖ agent address(20) ‖ nonce(8, big-endian); a nonce is a share when the first <c>difficulty</c> bits of
/// its Keccak-256 are zero; a result is exactly <c>shares</c> strictly increasing shares.
/// </summary>
public static class ProofShares
{
    public const int MessageLength = 60;

    /// <summary>Whether <paramref name="nonce"/> is a share of (seed, agent) at <paramref name="difficulty"/>.</summary>
    /// <exception cref="ArgumentException">The seed is not 32 bytes or the agent not 20.</exception>
    public static bool IsShare(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> agent, ulong nonce, int difficulty)
    {
        if (seed.Length != 32 || agent.Length != 20)
        {
            throw new ArgumentException("A proof message is a 32-byte seed and a 20-byte agent address.");
        }

        Span<byte> message = stackalloc byte[MessageLength];
        seed.CopyTo(message);
        agent.CopyTo(message[32..]);
        BinaryPrimitives.WriteUInt64BigEndian(message[52..], nonce);
        Span<byte> hash = stackalloc byte[Keccak256.HashBytes];
        Keccak256.Hash(message, hash);
        return LeadingZeroBits(hash) >= difficulty;
    }

    /// <summary>
    /// Why <paramref name="nonces"/> is not a valid result for the challenge, in the order the contract checks (count,
    /// then each nonce: increasing, a share), or null when it is one.
    /// </summary>
    public static ProofRefusal? Check(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> agent, int difficulty, int shares, IReadOnlyList<ulong> nonces)
    {
        ArgumentNullException.ThrowIfNull(nonces);
        if (nonces.Count != shares)
        {
            return new ProofRefusal(ProofRefusal.WrongShareCount, $"{nonces.Count} nonces; the challenge asks for exactly {shares}.");
        }

        for (var i = 0; i < nonces.Count; i++)
        {
            if (i > 0 && nonces[i] <= nonces[i - 1])
            {
                return new ProofRefusal(ProofRefusal.NoncesNotIncreasing, $"Nonce {i} ({nonces[i]}) is not above nonce {i - 1} ({nonces[i - 1]}).");
            }

            if (!IsShare(seed, agent, nonces[i], difficulty))
            {
                return new ProofRefusal(ProofRefusal.InvalidShare, $"Nonce {i} ({nonces[i]}) is not a share at difficulty {difficulty}.");
            }
        }

        return null;
    }

    /// <summary>Expected work of a verified result: shares · 2^difficulty hashes.</summary>
    public static BigInteger Work(int shares, int difficulty) => new BigInteger(shares) << difficulty;

    private static int LeadingZeroBits(ReadOnlySpan<byte> hash)
    {
        var bits = 0;
        foreach (var b in hash)
        {
            if (b != 0)
            {
                return bits + BitOperations.LeadingZeroCount((uint)b) - 24;
            }

            bits += 8;
        }

        return bits;
    }
}
