using System.Numerics;
using Nethereum.ABI.EIP712;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;

namespace PowerVerse.Indexer.Tests.Ranks;

/// <summary>
/// The agent's EIP-712 <c>ProofResult(uint256 challengeId,uint256 vid,bytes32 seed,uint64[] nonces,uint64 startedAt,
/// uint64 finishedAt)</c> on the domain {"PowerVerse ProofOfCompute", "1", chainId, ProofOfCompute}, which
/// <c>ProofOfCompute.submitResult</c> checks against the HID's agent (DESIGN §2).
/// </summary>
internal static class ProofResultSignature
{
    public static byte[] Sign(
        EthECKey agent, BigInteger chainId, string proofContract, BigInteger challengeId, BigInteger vid, byte[] seed, IReadOnlyList<ulong> nonces,
        ulong startedAt, ulong finishedAt)
    {
        var typed = new TypedData<Eip712Domain>
        {
            Domain = new Eip712Domain { Name = "PowerVerse ProofOfCompute", Version = "1", ChainId = chainId, VerifyingContract = proofContract },
            Types = new Dictionary<string, MemberDescription[]>
            {
                ["EIP712Domain"] = [Member("name", "string"), Member("version", "string"), Member("chainId", "uint256"), Member("verifyingContract", "address")],
                ["ProofResult"] =
                [
                    Member("challengeId", "uint256"), Member("vid", "uint256"), Member("seed", "bytes32"), Member("nonces", "uint64[]"),
                    Member("startedAt", "uint64"), Member("finishedAt", "uint64"),
                ],
            },
            PrimaryType = "ProofResult",
            Message =
            [
                Value("uint256", challengeId), Value("uint256", vid), Value("bytes32", seed), Value("uint64[]", nonces.Select(n => (BigInteger)n).ToList()),
                Value("uint64", (BigInteger)startedAt), Value("uint64", (BigInteger)finishedAt),
            ],
        };
        typed.InitDomainRawValues();
        return Eip712TypedDataSigner.Current.SignTypedDataV4(typed, agent).HexToByteArray();
    }

    private static MemberDescription Member(string name, string type) => new() { Name = name, Type = type };

    private static MemberValue Value(string type, object value) => new() { TypeName = type, Value = value };
}
