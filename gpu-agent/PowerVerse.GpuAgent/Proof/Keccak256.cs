using System.Buffers.Binary;

namespace PowerVerse.GpuAgent.Proof;

/// <summary>
/// Keccak-256 as Ethereum uses it: the original Keccak padding (domain byte 0x01), not SHA3-256's 0x06
/// (FIPS 202 §B.2 vs the Keccak submission); rate 1088 bits = 136 bytes, capacity 512.
/// </summary>
internal static class Keccak256
{
    public const int RateBytes = 136;

    public static byte[] Hash(ReadOnlySpan<byte> message)
    {
        var digest = new byte[32];
        Hash(message, digest);
        return digest;
    }

    public static void Hash(ReadOnlySpan<byte> message, Span<byte> digest)
    {
        Span<ulong> state = stackalloc ulong[25];
        Span<byte> block = stackalloc byte[RateBytes];
        while (message.Length >= RateBytes)
        {
            Absorb(state, message[..RateBytes]);
            message = message[RateBytes..];
        }

        block.Clear();
        message.CopyTo(block);
        block[message.Length] ^= 0x01;
        block[RateBytes - 1] ^= 0x80;
        Absorb(state, block);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(digest[(i * 8)..], state[i]);
        }
    }

    private static void Absorb(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < RateBytes / 8; i++)
        {
            state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
        }

        KeccakF1600.Permute(state);
    }
}
