using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using PowerVerse.Domain.Hashing;

namespace PowerVerse.GpuAgent.Backends.Cpu;

/// <summary>
/// Eight Keccak-f[1600] permutations at once in AVX-512 registers, one nonce per 64-bit element:
/// χ is one VPTERNLOGQ (a ^ (~b &amp; c), table 0xD2), θ's five-way parity two (xor3, 0x96) and ρ a VPROLQ.
/// Only lane 0 of the result is returned: the share test reads the digest's first bytes.
/// </summary>
internal static class KeccakX8
{
    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>Permutes 8 states that share every lane but 6 and 7 (the nonce lanes) and returns their lane 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Vector512<ulong> PermuteLane0(ReadOnlySpan<ulong> lanes, Vector512<ulong> lane6, Vector512<ulong> lane7)
    {
        var a0 = Vector512.Create(lanes[0]);
        var a1 = Vector512.Create(lanes[1]);
        var a2 = Vector512.Create(lanes[2]);
        var a3 = Vector512.Create(lanes[3]);
        var a4 = Vector512.Create(lanes[4]);
        var a5 = Vector512.Create(lanes[5]);
        var a6 = lane6;
        var a7 = lane7;
        var a8 = Vector512.Create(lanes[8]);
        var a9 = Vector512.Create(lanes[9]);
        var a10 = Vector512.Create(lanes[10]);
        var a11 = Vector512.Create(lanes[11]);
        var a12 = Vector512.Create(lanes[12]);
        var a13 = Vector512.Create(lanes[13]);
        var a14 = Vector512.Create(lanes[14]);
        var a15 = Vector512.Create(lanes[15]);
        var a16 = Vector512.Create(lanes[16]);
        var a17 = Vector512.Create(lanes[17]);
        var a18 = Vector512.Create(lanes[18]);
        var a19 = Vector512.Create(lanes[19]);
        var a20 = Vector512.Create(lanes[20]);
        var a21 = Vector512.Create(lanes[21]);
        var a22 = Vector512.Create(lanes[22]);
        var a23 = Vector512.Create(lanes[23]);
        var a24 = Vector512.Create(lanes[24]);
        Vector512<ulong> c0, c1, c2, c3, c4, d0, d1, d2, d3, d4;
        Vector512<ulong> b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, b16, b17, b18, b19, b20, b21, b22, b23, b24;
        var constants = KeccakF1600.RoundConstants;
        for (var round = 0; round < KeccakF1600.Rounds; round++)
        {
            c0 = Avx512F.TernaryLogic(Avx512F.TernaryLogic(a0, a5, a10, 0x96), a15, a20, 0x96);
            c1 = Avx512F.TernaryLogic(Avx512F.TernaryLogic(a1, a6, a11, 0x96), a16, a21, 0x96);
            c2 = Avx512F.TernaryLogic(Avx512F.TernaryLogic(a2, a7, a12, 0x96), a17, a22, 0x96);
            c3 = Avx512F.TernaryLogic(Avx512F.TernaryLogic(a3, a8, a13, 0x96), a18, a23, 0x96);
            c4 = Avx512F.TernaryLogic(Avx512F.TernaryLogic(a4, a9, a14, 0x96), a19, a24, 0x96);
            d0 = c4 ^ Avx512F.RotateLeft(c1, 1);
            d1 = c0 ^ Avx512F.RotateLeft(c2, 1);
            d2 = c1 ^ Avx512F.RotateLeft(c3, 1);
            d3 = c2 ^ Avx512F.RotateLeft(c4, 1);
            d4 = c3 ^ Avx512F.RotateLeft(c0, 1);
            b0 = a0 ^ d0;
            b16 = Avx512F.RotateLeft(a5 ^ d0, 36);
            b7 = Avx512F.RotateLeft(a10 ^ d0, 3);
            b23 = Avx512F.RotateLeft(a15 ^ d0, 41);
            b14 = Avx512F.RotateLeft(a20 ^ d0, 18);
            b10 = Avx512F.RotateLeft(a1 ^ d1, 1);
            b1 = Avx512F.RotateLeft(a6 ^ d1, 44);
            b17 = Avx512F.RotateLeft(a11 ^ d1, 10);
            b8 = Avx512F.RotateLeft(a16 ^ d1, 45);
            b24 = Avx512F.RotateLeft(a21 ^ d1, 2);
            b20 = Avx512F.RotateLeft(a2 ^ d2, 62);
            b11 = Avx512F.RotateLeft(a7 ^ d2, 6);
            b2 = Avx512F.RotateLeft(a12 ^ d2, 43);
            b18 = Avx512F.RotateLeft(a17 ^ d2, 15);
            b9 = Avx512F.RotateLeft(a22 ^ d2, 61);
            b5 = Avx512F.RotateLeft(a3 ^ d3, 28);
            b21 = Avx512F.RotateLeft(a8 ^ d3, 55);
            b12 = Avx512F.RotateLeft(a13 ^ d3, 25);
            b3 = Avx512F.RotateLeft(a18 ^ d3, 21);
            b19 = Avx512F.RotateLeft(a23 ^ d3, 56);
            b15 = Avx512F.RotateLeft(a4 ^ d4, 27);
            b6 = Avx512F.RotateLeft(a9 ^ d4, 20);
            b22 = Avx512F.RotateLeft(a14 ^ d4, 39);
            b13 = Avx512F.RotateLeft(a19 ^ d4, 8);
            b4 = Avx512F.RotateLeft(a24 ^ d4, 14);
            a0 = Avx512F.TernaryLogic(b0, b1, b2, 0xD2);
            a1 = Avx512F.TernaryLogic(b1, b2, b3, 0xD2);
            a2 = Avx512F.TernaryLogic(b2, b3, b4, 0xD2);
            a3 = Avx512F.TernaryLogic(b3, b4, b0, 0xD2);
            a4 = Avx512F.TernaryLogic(b4, b0, b1, 0xD2);
            a5 = Avx512F.TernaryLogic(b5, b6, b7, 0xD2);
            a6 = Avx512F.TernaryLogic(b6, b7, b8, 0xD2);
            a7 = Avx512F.TernaryLogic(b7, b8, b9, 0xD2);
            a8 = Avx512F.TernaryLogic(b8, b9, b5, 0xD2);
            a9 = Avx512F.TernaryLogic(b9, b5, b6, 0xD2);
            a10 = Avx512F.TernaryLogic(b10, b11, b12, 0xD2);
            a11 = Avx512F.TernaryLogic(b11, b12, b13, 0xD2);
            a12 = Avx512F.TernaryLogic(b12, b13, b14, 0xD2);
            a13 = Avx512F.TernaryLogic(b13, b14, b10, 0xD2);
            a14 = Avx512F.TernaryLogic(b14, b10, b11, 0xD2);
            a15 = Avx512F.TernaryLogic(b15, b16, b17, 0xD2);
            a16 = Avx512F.TernaryLogic(b16, b17, b18, 0xD2);
            a17 = Avx512F.TernaryLogic(b17, b18, b19, 0xD2);
            a18 = Avx512F.TernaryLogic(b18, b19, b15, 0xD2);
            a19 = Avx512F.TernaryLogic(b19, b15, b16, 0xD2);
            a20 = Avx512F.TernaryLogic(b20, b21, b22, 0xD2);
            a21 = Avx512F.TernaryLogic(b21, b22, b23, 0xD2);
            a22 = Avx512F.TernaryLogic(b22, b23, b24, 0xD2);
            a23 = Avx512F.TernaryLogic(b23, b24, b20, 0xD2);
            a24 = Avx512F.TernaryLogic(b24, b20, b21, 0xD2);
            a0 ^= Vector512.Create(constants[round]);
        }

        return a0;
    }
}
