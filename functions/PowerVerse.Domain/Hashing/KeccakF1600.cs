namespace PowerVerse.Domain.Hashing;

/// <summary>
/// The Keccak-f[1600] permutation (FIPS 202 §3.2) with the 25 lanes held in locals and θ, ρ, π, χ
/// written out lane by lane, so the JIT keeps the state in registers and nothing is allocated.
/// </summary>
public static class KeccakF1600
{
    public const int Rounds = 24;

    /// <summary>ι round constants, FIPS 202 §3.2.5 (also used by the agent's SIMD and CUDA kernels).</summary>
    public static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808aUL, 0x8000000080008000UL,
        0x000000000000808bUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008aUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000aUL,
        0x000000008000808bUL, 0x800000000000008bUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800aUL, 0x800000008000000aUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    public static void Permute(Span<ulong> state)
    {
        if (state.Length < 25)
        {
            throw new ArgumentException("Keccak-f[1600] needs 25 lanes.", nameof(state));
        }

        ulong a00 = state[0], a01 = state[1], a02 = state[2], a03 = state[3], a04 = state[4];
        ulong a05 = state[5], a06 = state[6], a07 = state[7], a08 = state[8], a09 = state[9];
        ulong a10 = state[10], a11 = state[11], a12 = state[12], a13 = state[13], a14 = state[14];
        ulong a15 = state[15], a16 = state[16], a17 = state[17], a18 = state[18], a19 = state[19];
        ulong a20 = state[20], a21 = state[21], a22 = state[22], a23 = state[23], a24 = state[24];

        var rc = RoundConstants;
        for (var round = 0; round < Rounds; round++)
        {
            // θ: each lane absorbs the parity of two neighbouring columns.
            var c0 = a00 ^ a05 ^ a10 ^ a15 ^ a20;
            var c1 = a01 ^ a06 ^ a11 ^ a16 ^ a21;
            var c2 = a02 ^ a07 ^ a12 ^ a17 ^ a22;
            var c3 = a03 ^ a08 ^ a13 ^ a18 ^ a23;
            var c4 = a04 ^ a09 ^ a14 ^ a19 ^ a24;

            var d0 = ((c1 << 1) | (c1 >> 63)) ^ c4;
            var d1 = ((c2 << 1) | (c2 >> 63)) ^ c0;
            var d2 = ((c3 << 1) | (c3 >> 63)) ^ c1;
            var d3 = ((c4 << 1) | (c4 >> 63)) ^ c2;
            var d4 = ((c0 << 1) | (c0 >> 63)) ^ c3;

            a00 ^= d0; a05 ^= d0; a10 ^= d0; a15 ^= d0; a20 ^= d0;
            a01 ^= d1; a06 ^= d1; a11 ^= d1; a16 ^= d1; a21 ^= d1;
            a02 ^= d2; a07 ^= d2; a12 ^= d2; a17 ^= d2; a22 ^= d2;
            a03 ^= d3; a08 ^= d3; a13 ^= d3; a18 ^= d3; a23 ^= d3;
            a04 ^= d4; a09 ^= d4; a14 ^= d4; a19 ^= d4; a24 ^= d4;

            // ρ and π together: follow the single 24-lane cycle of π, rotating each lane by its ρ offset.
            c1 = (a01 << 1) | (a01 >> 63);
            a01 = (a06 << 44) | (a06 >> 20);
            a06 = (a09 << 20) | (a09 >> 44);
            a09 = (a22 << 61) | (a22 >> 3);
            a22 = (a14 << 39) | (a14 >> 25);
            a14 = (a20 << 18) | (a20 >> 46);
            a20 = (a02 << 62) | (a02 >> 2);
            a02 = (a12 << 43) | (a12 >> 21);
            a12 = (a13 << 25) | (a13 >> 39);
            a13 = (a19 << 8) | (a19 >> 56);
            a19 = (a23 << 56) | (a23 >> 8);
            a23 = (a15 << 41) | (a15 >> 23);
            a15 = (a04 << 27) | (a04 >> 37);
            a04 = (a24 << 14) | (a24 >> 50);
            a24 = (a21 << 2) | (a21 >> 62);
            a21 = (a08 << 55) | (a08 >> 9);
            a08 = (a16 << 45) | (a16 >> 19);
            a16 = (a05 << 36) | (a05 >> 28);
            a05 = (a03 << 28) | (a03 >> 36);
            a03 = (a18 << 21) | (a18 >> 43);
            a18 = (a17 << 15) | (a17 >> 49);
            a17 = (a11 << 10) | (a11 >> 54);
            a11 = (a07 << 6) | (a07 >> 58);
            a07 = (a10 << 3) | (a10 >> 61);
            a10 = c1;

            // χ: the only non-linear step, row by row.
            c0 = a00 ^ (~a01 & a02);
            c1 = a01 ^ (~a02 & a03);
            a02 ^= ~a03 & a04;
            a03 ^= ~a04 & a00;
            a04 ^= ~a00 & a01;
            a00 = c0;
            a01 = c1;

            c0 = a05 ^ (~a06 & a07);
            c1 = a06 ^ (~a07 & a08);
            a07 ^= ~a08 & a09;
            a08 ^= ~a09 & a05;
            a09 ^= ~a05 & a06;
            a05 = c0;
            a06 = c1;

            c0 = a10 ^ (~a11 & a12);
            c1 = a11 ^ (~a12 & a13);
            a12 ^= ~a13 & a14;
            a13 ^= ~a14 & a10;
            a14 ^= ~a10 & a11;
            a10 = c0;
            a11 = c1;

            c0 = a15 ^ (~a16 & a17);
            c1 = a16 ^ (~a17 & a18);
            a17 ^= ~a18 & a19;
            a18 ^= ~a19 & a15;
            a19 ^= ~a15 & a16;
            a15 = c0;
            a16 = c1;

            c0 = a20 ^ (~a21 & a22);
            c1 = a21 ^ (~a22 & a23);
            a22 ^= ~a23 & a24;
            a23 ^= ~a24 & a20;
            a24 ^= ~a20 & a21;
            a20 = c0;
            a21 = c1;

            // ι
            a00 ^= rc[round];
        }

        state[0] = a00; state[1] = a01; state[2] = a02; state[3] = a03; state[4] = a04;
        state[5] = a05; state[6] = a06; state[7] = a07; state[8] = a08; state[9] = a09;
        state[10] = a10; state[11] = a11; state[12] = a12; state[13] = a13; state[14] = a14;
        state[15] = a15; state[16] = a16; state[17] = a17; state[18] = a18; state[19] = a19;
        state[20] = a20; state[21] = a21; state[22] = a22; state[23] = a23; state[24] = a24;
    }
}
