using System.Buffers.Binary;
using System.Numerics;
using PowerVerse.Domain.Hashing;

namespace PowerVerse.Domain.Proofs;

/// <summary>
/// The EIP-712 typed data an agent signs over its result and ProofOfCompute checks (DESIGN §2):
/// <c>ProofResult(uint256 challengeId,uint256 vid,bytes32 seed,uint64[] nonces,uint64 startedAt,uint64 finishedAt)</c>
/// under the domain {name "PowerVerse ProofOfCompute", version "1", chainId, verifyingContract = ProofOfCompute}. The
/// one definition both the gpu-agent (which signs the digest) and the platform (which recovers the signer) use.
/// </summary>
public static class ProofResultTypedData
{
    public const string DomainName = "PowerVerse ProofOfCompute";
    public const string DomainVersion = "1";
    public const string PrimaryType = "ProofResult";
    public const string TypeString = "ProofResult(uint256 challengeId,uint256 vid,bytes32 seed,uint64[] nonces,uint64 startedAt,uint64 finishedAt)";

    private const string DomainTypeString = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";
    private const int Word = 32;

    /// <summary>
    /// keccak256("\x19\x01" ‖ domainSeparator ‖ hashStruct(result)), the digest that is signed (EIP-712
    /// §"Specification"); <c>verifyingContract</c> is ProofOfCompute's address, 0x and 40 hex digits (any case).
    /// </summary>
    /// <exception cref="ArgumentException">The seed is not 32 bytes, the address not 20, or a number is negative or above 256 bits.</exception>
    public static byte[] Digest(
        BigInteger chainId, string verifyingContract, BigInteger challengeId, BigInteger vid, ReadOnlySpan<byte> seed,
        IReadOnlyList<ulong> nonces, ulong startedAt, ulong finishedAt)
    {
        ArgumentNullException.ThrowIfNull(nonces);
        if (seed.Length != Word)
        {
            throw new ArgumentException($"The seed is 32 bytes; this one is {seed.Length}.", nameof(seed));
        }

        Span<byte> message = stackalloc byte[2 + (2 * Word)];
        message[0] = 0x19;
        message[1] = 0x01;
        DomainSeparator(chainId, verifyingContract).CopyTo(message[2..]);
        StructHash(challengeId, vid, seed, nonces, startedAt, finishedAt).CopyTo(message[(2 + Word)..]);
        return Keccak256.Hash(message);
    }

    /// <summary>keccak256(abi.encode(EIP712Domain typehash, keccak256(name), keccak256(version), chainId, verifyingContract)).</summary>
    public static byte[] DomainSeparator(BigInteger chainId, string verifyingContract)
    {
        var encoded = new byte[5 * Word];
        Keccak256.Hash(DomainTypeString).CopyTo(encoded, 0);
        Keccak256.Hash(DomainName).CopyTo(encoded, Word);
        Keccak256.Hash(DomainVersion).CopyTo(encoded, 2 * Word);
        Uint(chainId, encoded.AsSpan(3 * Word, Word));
        Address(verifyingContract).CopyTo(encoded, (4 * Word) + 12);
        return Keccak256.Hash(encoded);
    }

    /// <summary>hashStruct: the typehash and each member encoded to 32 bytes; the array as keccak256 of its encoded elements.</summary>
    private static byte[] StructHash(BigInteger challengeId, BigInteger vid, ReadOnlySpan<byte> seed, IReadOnlyList<ulong> nonces, ulong startedAt, ulong finishedAt)
    {
        var elements = new byte[nonces.Count * Word];
        for (var i = 0; i < nonces.Count; i++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(elements.AsSpan((i * Word) + 24, 8), nonces[i]);
        }

        Span<byte> encoded = stackalloc byte[7 * Word];
        encoded.Clear();
        Keccak256.Hash(TypeString).CopyTo(encoded);
        Uint(challengeId, encoded.Slice(Word, Word));
        Uint(vid, encoded.Slice(2 * Word, Word));
        seed.CopyTo(encoded[(3 * Word)..]);
        Keccak256.Hash(elements).CopyTo(encoded[(4 * Word)..]);
        BinaryPrimitives.WriteUInt64BigEndian(encoded.Slice((5 * Word) + 24, 8), startedAt);
        BinaryPrimitives.WriteUInt64BigEndian(encoded.Slice((6 * Word) + 24, 8), finishedAt);
        return Keccak256.Hash(encoded);
    }

    private static void Uint(BigInteger value, Span<byte> word)
    {
        if (value.Sign < 0 || value.GetBitLength() > 256)
        {
            throw new ArgumentException($"{value} is not a uint256.", nameof(value));
        }

        word.Clear();
        var count = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(word[(Word - count)..], out _, isUnsigned: true, isBigEndian: true);
    }

    private static byte[] Address(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Length == 42 && address.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && address[2..].All(char.IsAsciiHexDigit)
            ? Convert.FromHexString(address[2..])
            : throw new ArgumentException($"'{address}' is not an address (0x and 40 hex digits).", nameof(address));
    }
}
