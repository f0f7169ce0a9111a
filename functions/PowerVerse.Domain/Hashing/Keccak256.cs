using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PowerVerse.Domain.Hashing;

/// <summary>
/// Keccak-256 as Ethereum uses it: the original Keccak submission (padding byte 0x01), not FIPS-202
/// SHA3-256 (padding 0x06). Rate 1088 bits, capacity 512. One-shot, allocation-free.
/// </summary>
public static class Keccak256
{
    /// <summary>The rate in bytes: 1600 - 2·256 bits.</summary>
    public const int RateBytes = 136;

    public const int HashBytes = 32;

    /// <summary>Hashes <paramref name="input"/> into the first 32 bytes of <paramref name="output"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.Length < HashBytes)
        {
            throw new ArgumentException($"Output must hold {HashBytes} bytes; it holds {output.Length}.", nameof(output));
        }

        Span<ulong> state = stackalloc ulong[25];
        state.Clear();
        while (input.Length >= RateBytes)
        {
            Absorb(state, input[..RateBytes]);
            KeccakF1600.Permute(state);
            input = input[RateBytes..];
        }

        // Keccak pad10*1 with the original domain bit: 0x01 ... 0x80.
        Span<byte> last = stackalloc byte[RateBytes];
        last.Clear();
        input.CopyTo(last);
        last[input.Length] ^= 0x01;
        last[RateBytes - 1] ^= 0x80;
        Absorb(state, last);
        KeccakF1600.Permute(state);

        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(output[(i * 8)..], state[i]);
        }
    }

    public static byte[] Hash(ReadOnlySpan<byte> input)
    {
        var output = new byte[HashBytes];
        Hash(input, output);
        return output;
    }

    /// <summary>Keccak-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static byte[] Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Hash(System.Text.Encoding.UTF8.GetBytes(text));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Absorb(Span<ulong> state, ReadOnlySpan<byte> block)
    {
        if (BitConverter.IsLittleEndian)
        {
            // Keccak lanes are little-endian: on such machines the block already is the lanes.
            var lanes = MemoryMarshal.Cast<byte, ulong>(block[..RateBytes]);
            for (var i = 0; i < RateBytes / 8; i++)
            {
                state[i] ^= lanes[i];
            }

            return;
        }

        for (var i = 0; i < RateBytes / 8; i++)
        {
            state[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block[(i * 8)..]);
        }
    }
}
