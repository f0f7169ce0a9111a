// The hash proof of DESIGN §2 on the GPU: keccak256(seed(32) ‖ agent(20) ‖ nonce(8, big-endian)).
// The 60-byte message is one Keccak block, so each thread runs one Keccak-f[1600] (FIPS 202 §3) per nonce
// on the absorbed state it is given; only lanes 6 and 7 carry the nonce. A nonce whose digest lane 0
// passes the difficulty mask is appended through an atomic counter; the host confirms, sorts and keeps
// the first `shares` of them, so the result equals the CPU backend's.
// Compiled at run time by NVRTC for the device's compute capability.

typedef unsigned long long u64;
typedef unsigned int u32;

struct absorbed_state { u64 lane[25]; };

__device__ __constant__ u64 keccak_rc[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808AULL, 0x8000000080008000ULL,
    0x000000000000808BULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008AULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000AULL,
    0x000000008000808BULL, 0x800000000000008BULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800AULL, 0x800000008000000AULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL
};

__device__ __forceinline__ u64 rotl64(u64 x, int n) { return (x << n) | (x >> (64 - n)); }

__device__ __forceinline__ u32 bswap32(u32 x) { return __byte_perm(x, 0, 0x0123); }

extern "C" __global__ void keccak_shares(
    const absorbed_state s, u64 first, u64 count, u64 mask0, u32 capacity,
    u32* __restrict__ found_count, u64* __restrict__ found)
{
    const u64 stride = (u64)gridDim.x * blockDim.x;
    for (u64 i = (u64)blockIdx.x * blockDim.x + threadIdx.x; i < count; i += stride)
    {
        const u64 nonce = first + i;
        u64 a0 = s.lane[0];
        u64 a1 = s.lane[1];
        u64 a2 = s.lane[2];
        u64 a3 = s.lane[3];
        u64 a4 = s.lane[4];
        u64 a5 = s.lane[5];
        u64 a8 = s.lane[8];
        u64 a9 = s.lane[9];
        u64 a10 = s.lane[10];
        u64 a11 = s.lane[11];
        u64 a12 = s.lane[12];
        u64 a13 = s.lane[13];
        u64 a14 = s.lane[14];
        u64 a15 = s.lane[15];
        u64 a16 = s.lane[16];
        u64 a17 = s.lane[17];
        u64 a18 = s.lane[18];
        u64 a19 = s.lane[19];
        u64 a20 = s.lane[20];
        u64 a21 = s.lane[21];
        u64 a22 = s.lane[22];
        u64 a23 = s.lane[23];
        u64 a24 = s.lane[24];
        u64 a6 = s.lane[6] | ((u64)bswap32((u32)(nonce >> 32)) << 32);
        u64 a7 = s.lane[7] | (u64)bswap32((u32)nonce);
        u64 c0, c1, c2, c3, c4, d0, d1, d2, d3, d4;
        u64 b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, b16, b17, b18, b19, b20, b21, b22, b23, b24;
#pragma unroll
        for (int round = 0; round < 24; round++)
        {
            c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
            c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
            c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
            c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
            c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
            d0 = c4 ^ rotl64(c1, 1);
            d1 = c0 ^ rotl64(c2, 1);
            d2 = c1 ^ rotl64(c3, 1);
            d3 = c2 ^ rotl64(c4, 1);
            d4 = c3 ^ rotl64(c0, 1);
            b0 = a0 ^ d0;
            b16 = rotl64(a5 ^ d0, 36);
            b7 = rotl64(a10 ^ d0, 3);
            b23 = rotl64(a15 ^ d0, 41);
            b14 = rotl64(a20 ^ d0, 18);
            b10 = rotl64(a1 ^ d1, 1);
            b1 = rotl64(a6 ^ d1, 44);
            b17 = rotl64(a11 ^ d1, 10);
            b8 = rotl64(a16 ^ d1, 45);
            b24 = rotl64(a21 ^ d1, 2);
            b20 = rotl64(a2 ^ d2, 62);
            b11 = rotl64(a7 ^ d2, 6);
            b2 = rotl64(a12 ^ d2, 43);
            b18 = rotl64(a17 ^ d2, 15);
            b9 = rotl64(a22 ^ d2, 61);
            b5 = rotl64(a3 ^ d3, 28);
            b21 = rotl64(a8 ^ d3, 55);
            b12 = rotl64(a13 ^ d3, 25);
            b3 = rotl64(a18 ^ d3, 21);
            b19 = rotl64(a23 ^ d3, 56);
            b15 = rotl64(a4 ^ d4, 27);
            b6 = rotl64(a9 ^ d4, 20);
            b22 = rotl64(a14 ^ d4, 39);
            b13 = rotl64(a19 ^ d4, 8);
            b4 = rotl64(a24 ^ d4, 14);
            a0 = b0 ^ (~b1 & b2);
            a1 = b1 ^ (~b2 & b3);
            a2 = b2 ^ (~b3 & b4);
            a3 = b3 ^ (~b4 & b0);
            a4 = b4 ^ (~b0 & b1);
            a5 = b5 ^ (~b6 & b7);
            a6 = b6 ^ (~b7 & b8);
            a7 = b7 ^ (~b8 & b9);
            a8 = b8 ^ (~b9 & b5);
            a9 = b9 ^ (~b5 & b6);
            a10 = b10 ^ (~b11 & b12);
            a11 = b11 ^ (~b12 & b13);
            a12 = b12 ^ (~b13 & b14);
            a13 = b13 ^ (~b14 & b10);
            a14 = b14 ^ (~b10 & b11);
            a15 = b15 ^ (~b16 & b17);
            a16 = b16 ^ (~b17 & b18);
            a17 = b17 ^ (~b18 & b19);
            a18 = b18 ^ (~b19 & b15);
            a19 = b19 ^ (~b15 & b16);
            a20 = b20 ^ (~b21 & b22);
            a21 = b21 ^ (~b22 & b23);
            a22 = b22 ^ (~b23 & b24);
            a23 = b23 ^ (~b24 & b20);
            a24 = b24 ^ (~b20 & b21);
            a0 ^= keccak_rc[round];
        }

        if ((a0 & mask0) == 0)
        {
            const u32 slot = atomicAdd(found_count, 1u);
            if (slot < capacity)
            {
                found[slot] = nonce;
            }
        }
    }
}
