using System.Buffers.Binary;
using System.Numerics;
using PowerVerse.Domain.Hashing;

namespace PowerVerse.GpuAgent.Proof;

/// <summary>
/// The 60-byte proof message seed(32) ‖ agent(20) ‖ nonce(8, big-endian) of DESIGN §2 as the Keccak state
/// after absorbing it: one block (60 &lt; 136), so lanes 0–5, the low half of lane 6, the padding
/// (0x01 at byte 60, 0x80 at byte 135) are fixed per challenge and only lanes 6 and 7 carry the nonce.
/// </summary>
internal sealed class ProofMessage
{
    public const int Length = 60;

    private readonly ulong[] _lanes = new ulong[25];

    public ProofMessage(ProofChallenge challenge)
    {
        Challenge = challenge;
        Span<byte> block = stackalloc byte[Keccak256.RateBytes];
        block.Clear();
        challenge.Seed.Span.CopyTo(block);
        challenge.Agent.Span.CopyTo(block[32..]);
        block[Length] = 0x01;
        block[Keccak256.RateBytes - 1] = 0x80;
        for (var i = 0; i < Keccak256.RateBytes / 8; i++)
        {
            _lanes[i] = BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
        }

        (Lane0Mask, _) = DigestMask(challenge.Difficulty, 0);
    }

    public ProofChallenge Challenge { get; }

    /// <summary>The absorbed state with the nonce lanes' nonce bytes zero.</summary>
    public ReadOnlySpan<ulong> Lanes => _lanes;

    /// <summary>Bits of digest lane 0 that must be zero (all of them when the difficulty is 64 or more).</summary>
    public ulong Lane0Mask { get; }

    /// <summary>Lane 6: address bytes 48–51 low, nonce bytes 0–3 (most significant first) high.</summary>
    public ulong Lane6(ulong nonce) => _lanes[6] | ((ulong)BinaryPrimitives.ReverseEndianness((uint)(nonce >> 32)) << 32);

    /// <summary>Lane 7: nonce bytes 4–7 low, then the 0x01 padding byte.</summary>
    public ulong Lane7(ulong nonce) => _lanes[7] | BinaryPrimitives.ReverseEndianness((uint)nonce);

    public void Write(ulong nonce, Span<byte> message)
    {
        Challenge.Seed.Span.CopyTo(message);
        Challenge.Agent.Span.CopyTo(message[32..]);
        BinaryPrimitives.WriteUInt64BigEndian(message[52..], nonce);
    }

    /// <summary>Digest lanes 0–3 for one nonce, by one permutation of the precomputed state.</summary>
    public void Digest(ulong nonce, Span<ulong> state)
    {
        _lanes.CopyTo(state);
        state[6] = Lane6(nonce);
        state[7] = Lane7(nonce);
        KeccakF1600.Permute(state);
    }

    public bool IsValid(ulong nonce)
    {
        Span<ulong> state = stackalloc ulong[25];
        Digest(nonce, state);
        return MeetsDifficulty(state, Challenge.Difficulty);
    }

    /// <summary>True when the first <paramref name="difficulty"/> bits of the digest (byte 0's top bit first) are zero.</summary>
    public static bool MeetsDifficulty(ReadOnlySpan<ulong> digestLanes, int difficulty)
    {
        for (var lane = 0; lane < 4 && difficulty > lane * 64; lane++)
        {
            // Digest bytes are the lanes little-endian, so reversing a lane puts byte 0 in the top bits.
            var leading = BitOperations.LeadingZeroCount(BinaryPrimitives.ReverseEndianness(digestLanes[lane]));
            if (leading < Math.Min(64, difficulty - (lane * 64)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The mask of a lane's bits that the difficulty requires to be zero, in the lane's own byte order.</summary>
    public static (ulong Mask, int Bits) DigestMask(int difficulty, int lane)
    {
        var bits = Math.Clamp(difficulty - (lane * 64), 0, 64);
        var bigEndianMask = bits == 0 ? 0UL : ulong.MaxValue << (64 - bits);
        return (BinaryPrimitives.ReverseEndianness(bigEndianMask), bits);
    }
}
