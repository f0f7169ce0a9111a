using System.Numerics;
using Nethereum.ABI.EIP712;
using Nethereum.Hex.HexConvertors.Extensions;
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
    public const string DomainVersion = "1";
    public const string PrimaryType = "ProofResult";

    public static TypedData<Eip712Domain> Create(
        BigInteger chainId, string proofContract, BigInteger challengeId, BigInteger vid, byte[] seed, IReadOnlyList<ulong> nonces, ulong startedAt, ulong finishedAt)
    {
        var typed = new TypedData<Eip712Domain>
        {
            Domain = new Eip712Domain { Name = DomainName, Version = DomainVersion, ChainId = chainId, VerifyingContract = proofContract },
            Types = new Dictionary<string, MemberDescription[]>
            {
                // EIP-712 §"Definition of domainSeparator": the fields in this order, as the contract's EIP712 base hashes them.
                ["EIP712Domain"] = [Member("name", "string"), Member("version", "string"), Member("chainId", "uint256"), Member("verifyingContract", "address")],
                [PrimaryType] =
                [
                    Member("challengeId", "uint256"), Member("vid", "uint256"), Member("seed", "bytes32"), Member("nonces", "uint64[]"),
                    Member("startedAt", "uint64"), Member("finishedAt", "uint64"),
                ],
            },
            PrimaryType = PrimaryType,
            Message =
            [
                Value("uint256", challengeId), Value("uint256", vid), Value("bytes32", seed),
                Value("uint64[]", nonces.Select(n => (BigInteger)n).ToList()),
                Value("uint64", (BigInteger)startedAt), Value("uint64", (BigInteger)finishedAt),
            ],
        };
        typed.InitDomainRawValues();
        return typed;
    }

    /// <summary>The EIP-712 digest keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message)) that is signed.</summary>
    public static string Hash(TypedData<Eip712Domain> typed) => Eip712TypedDataEncoder.Current.EncodeAndHashTypedData(typed).ToHex(prefix: true);

    private static MemberDescription Member(string name, string type) => new() { Name = name, Type = type };

    private static MemberValue Value(string type, object value) => new() { TypeName = type, Value = value };
}
