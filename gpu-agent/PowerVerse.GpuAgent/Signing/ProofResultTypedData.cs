using System.Numerics;
using Nethereum.ABI.EIP712;
using static PowerVerse.GpuAgent.Signing.Eip712Message;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;

namespace PowerVerse.GpuAgent.Signing;

/// <summary>
/// DESIGN §2's EIP-712 <c>ProofResult(uint256 challengeId,uint256 vid,bytes32 seed,uint64[] nonces,uint64 startedAt,uint64 finishedAt)</c>
/// under the domain {name "PowerVerse ProofOfCompute", version "1", chainId, verifyingContract = ProofOfCompute},
/// the typed data that ProofOfCompute checks against the HID's agent address.
/// </summary>
internal static class ProofResultTypedData
{
    public const string DomainName = "PowerVerse ProofOfCompute";
    public const string PrimaryType = "ProofResult";

    public static TypedData<Eip712Domain> Create(
        BigInteger chainId, string proofContract, BigInteger challengeId, BigInteger vid, byte[] seed, IReadOnlyList<ulong> nonces, ulong startedAt, ulong finishedAt) =>
        Eip712Message.Create(DomainName, chainId, proofContract, PrimaryType,
            [
                Member("challengeId", "uint256"), Member("vid", "uint256"), Member("seed", "bytes32"), Member("nonces", "uint64[]"),
                Member("startedAt", "uint64"), Member("finishedAt", "uint64"),
            ],
            [
                Value("uint256", challengeId), Value("uint256", vid), Value("bytes32", seed),
                Value("uint64[]", nonces.Select(n => (BigInteger)n).ToList()),
                Value("uint64", (BigInteger)startedAt), Value("uint64", (BigInteger)finishedAt),
            ]);

    /// <summary>The EIP-712 digest that is signed.</summary>
    public static string Hash(TypedData<Eip712Domain> typed) => Eip712Message.Hash(typed);
}
