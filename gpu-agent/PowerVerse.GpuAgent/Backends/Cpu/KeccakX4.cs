using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using PowerVerse.Domain.Hashing;

namespace PowerVerse.GpuAgent.Backends.Cpu;

/// <summary>
/// Four Keccak-f[1600] permutations at once in 256-bit registers (AVX2), one nonce per 64-bit element;
/// ρ is a shift pair since AVX2 has no 64-bit rotate. Only lane 0 of the result is returned.
/// </summary>
internal static class KeccakX4
{
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Rotl(Vector256<ulong> v, int n) =>
        Vector256.ShiftLeft(v, n) | Vector256.ShiftRightLogical(v, 64 - n);

    /// <summary>Permutes 4 states that share every lane but 6 and 7 (the nonce lanes) and returns their lane 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector256<ulong> PermuteLane0(ReadOnlySpan<ulong> lanes, Vector256<ulong> lane6, Vector256<ulong> lane7)
    {
        var a0 = Vector256.Create(lanes[0]);
        var a1 = Vector256.Create(lanes[1]);
        var a2 = Vector256.Create(lanes[2]);
        var a3 = Vector256.Create(lanes[3]);
        var a4 = Vector256.Create(lanes[4]);
        var a5 = Vector256.Create(lanes[5]);
        var a6 = lane6;
        var a7 = lane7;
        var a8 = Vector256.Create(lanes[8]);
        var a9 = Vector256.Create(lanes[9]);
        var a10 = Vector256.Create(lanes[10]);
        var a11 = Vector256.Create(lanes[11]);
        var a12 = Vector256.Create(lanes[12]);
        var a13 = Vector256.Create(lanes[13]);
        var a14 = Vector256.Create(lanes[14]);
        var a15 = Vector256.Create(lanes[15]);
        var a16 = Vector256.Create(lanes[16]);
        var a17 = Vector256.Create(lanes[17]);
        var a18 = Vector256.Create(lanes[18]);
        var a19 = Vector256.Create(lanes[19]);
        var a20 = Vector256.Create(lanes[20]);
        var a21 = Vector256.Create(lanes[21]);
        var a22 = Vector256.Create(lanes[22]);
        var a23 = Vector256.Create(lanes[23]);
        var a24 = Vector256.Create(lanes[24]);
        Vector256<ulong> c0, c1, c2, c3, c4, d0, d1, d2, d3, d4;
        Vector256<ulong> b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, b16, b17, b18, b19, b20, b21, b22, b23, b24;
        var constants = KeccakF1600.RoundConstants;
        for (var round = 0; round < KeccakF1600.Rounds; round++)
        {
            c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
            c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
            c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
            c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
            c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
            d0 = c4 ^ Rotl(c1, 1);
            d1 = c0 ^ Rotl(c2, 1);
            d2 = c1 ^ Rotl(c3, 1);
            d3 = c2 ^ Rotl(c4, 1);
            d4 = c3 ^ Rotl(c0, 1);
            b0 = a0 ^ d0;
            b16 = Rotl(a5 ^ d0, 36);
            b7 = Rotl(a10 ^ d0, 3);
            b23 = Rotl(a15 ^ d0, 41);
            b14 = Rotl(a20 ^ d0, 18);
            b10 = Rotl(a1 ^ d1, 1);
            b1 = Rotl(a6 ^ d1, 44);
            b17 = Rotl(a11 ^ d1, 10);
            b8 = Rotl(a16 ^ d1, 45);
            b24 = Rotl(a21 ^ d1, 2);
            b20 = Rotl(a2 ^ d2, 62);
            b11 = Rotl(a7 ^ d2, 6);
            b2 = Rotl(a12 ^ d2, 43);
            b18 = Rotl(a17 ^ d2, 15);
            b9 = Rotl(a22 ^ d2, 61);
            b5 = Rotl(a3 ^ d3, 28);
            b21 = Rotl(a8 ^ d3, 55);
            b12 = Rotl(a13 ^ d3, 25);
            b3 = Rotl(a18 ^ d3, 21);
            b19 = Rotl(a23 ^ d3, 56);
            b15 = Rotl(a4 ^ d4, 27);
            b6 = Rotl(a9 ^ d4, 20);
            b22 = Rotl(a14 ^ d4, 39);
            b13 = Rotl(a19 ^ d4, 8);
            b4 = Rotl(a24 ^ d4, 14);
            a0 = b0 ^ Vector256.AndNot(b2, b1);
            a1 = b1 ^ Vector256.AndNot(b3, b2);
            a2 = b2 ^ Vector256.AndNot(b4, b3);
            a3 = b3 ^ Vector256.AndNot(b0, b4);
            a4 = b4 ^ Vector256.AndNot(b1, b0);
            a5 = b5 ^ Vector256.AndNot(b7, b6);
            a6 = b6 ^ Vector256.AndNot(b8, b7);
            a7 = b7 ^ Vector256.AndNot(b9, b8);
            a8 = b8 ^ Vector256.AndNot(b5, b9);
            a9 = b9 ^ Vector256.AndNot(b6, b5);
            a10 = b10 ^ Vector256.AndNot(b12, b11);
            a11 = b11 ^ Vector256.AndNot(b13, b12);
            a12 = b12 ^ Vector256.AndNot(b14, b13);
            a13 = b13 ^ Vector256.AndNot(b10, b14);
            a14 = b14 ^ Vector256.AndNot(b11, b10);
            a15 = b15 ^ Vector256.AndNot(b17, b16);
            a16 = b16 ^ Vector256.AndNot(b18, b17);
            a17 = b17 ^ Vector256.AndNot(b19, b18);
            a18 = b18 ^ Vector256.AndNot(b15, b19);
            a19 = b19 ^ Vector256.AndNot(b16, b15);
            a20 = b20 ^ Vector256.AndNot(b22, b21);
            a21 = b21 ^ Vector256.AndNot(b23, b22);
            a22 = b22 ^ Vector256.AndNot(b24, b23);
            a23 = b23 ^ Vector256.AndNot(b20, b24);
            a24 = b24 ^ Vector256.AndNot(b21, b20);
            a0 ^= Vector256.Create(constants[round]);
        }

        return a0;
    }
}
