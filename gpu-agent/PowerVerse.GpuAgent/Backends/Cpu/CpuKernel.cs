using System.Runtime.Intrinsics;
using PowerVerse.GpuAgent.Proof;

namespace PowerVerse.GpuAgent.Backends.Cpu;

/// <summary>Which permutation the CPU scan runs: 8 lanes (AVX-512), 4 lanes (AVX2) or one.</summary>
internal enum CpuKernelKind
{
    Scalar = 1,
    Vector256 = 4,
    Vector512 = 8,
}

/// <summary>
/// Scans a nonce range on one core. The SIMD paths test only digest lane 0 against the difficulty's mask,
/// which is exact up to difficulty 64 and a prefilter above it; every candidate is confirmed by the
/// scalar permutation, so all kinds return the same nonces.
/// </summary>
internal static class CpuKernel
{
    public static CpuKernelKind Best =>
        KeccakX8.IsSupported ? CpuKernelKind.Vector512 : KeccakX4.IsSupported ? CpuKernelKind.Vector256 : CpuKernelKind.Scalar;

    /// <summary>Appends the valid nonces of [<paramref name="first"/>, first + count) to <paramref name="found"/>, ascending.</summary>
    public static void Scan(ProofMessage message, ulong first, ulong count, List<ulong> found, CpuKernelKind kind)
    {
        var width = (ulong)(int)kind;
        var done = 0UL;
        if (kind == CpuKernelKind.Vector512)
        {
            for (; done + width <= count; done += width)
            {
                Scan8(message, first + done, found);
            }
        }
        else if (kind == CpuKernelKind.Vector256)
        {
            for (; done + width <= count; done += width)
            {
                Scan4(message, first + done, found);
            }
        }

        for (; done < count; done++)
        {
            if (message.IsValid(first + done))
            {
                found.Add(first + done);
            }
        }
    }

    private static void Scan8(ProofMessage message, ulong first, List<ulong> found)
    {
        // The nonce's big-endian bytes, per element: bytes 0–3 into lane 6's high half, bytes 4–7 into lane 7's low half.
        var nonces = (Vector512.Create(first) + Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7)).AsByte();
        var six = Vector512.Shuffle(nonces, HighWordSwapped).AsUInt64() | Vector512.Create(message.Lanes[6]);
        var seven = Vector512.Shuffle(nonces, LowWordSwapped).AsUInt64() | Vector512.Create(message.Lanes[7]);
        var lane0 = KeccakX8.PermuteLane0(message.Lanes, six, seven);
        var hits = Vector512.Equals(lane0 & Vector512.Create(message.Lane0Mask), Vector512<ulong>.Zero).ExtractMostSignificantBits();
        Confirm(message, first, hits, found);
    }

    // Byte shuffles per 64-bit element e: out[8e..8e+3] = in[8e+3..8e] (and 0xFF = zero for the rest), resp.
    // out[8e+4..8e+7] = in[8e+7..8e+4].
    private static readonly Vector512<byte> LowWordSwapped = Pattern(static (e, i) => i < 4 ? (byte)((8 * e) + 3 - i) : (byte)0xFF);
    private static readonly Vector512<byte> HighWordSwapped = Pattern(static (e, i) => i >= 4 ? (byte)((8 * e) + 11 - i) : (byte)0xFF);

    private static Vector512<byte> Pattern(Func<int, int, byte> index)
    {
        Span<byte> bytes = stackalloc byte[64];
        for (var b = 0; b < 64; b++)
        {
            bytes[b] = index(b / 8, b % 8);
        }

        return Vector512.Create<byte>(bytes);
    }

    private static void Scan4(ProofMessage message, ulong first, List<ulong> found)
    {
        var six = Vector256.Create(message.Lane6(first), message.Lane6(first + 1), message.Lane6(first + 2), message.Lane6(first + 3));
        var seven = Vector256.Create(message.Lane7(first), message.Lane7(first + 1), message.Lane7(first + 2), message.Lane7(first + 3));
        var lane0 = KeccakX4.PermuteLane0(message.Lanes, six, seven);
        var hits = Vector256.Equals(lane0 & Vector256.Create(message.Lane0Mask), Vector256<ulong>.Zero).ExtractMostSignificantBits();
        Confirm(message, first, (ulong)hits, found);
    }

    private static void Confirm(ProofMessage message, ulong first, ulong hits, List<ulong> found)
    {
        while (hits != 0)
        {
            var nonce = first + (ulong)System.Numerics.BitOperations.TrailingZeroCount(hits);
            hits &= hits - 1;
            if (message.IsValid(nonce))
            {
                found.Add(nonce);
            }
        }
    }
}
