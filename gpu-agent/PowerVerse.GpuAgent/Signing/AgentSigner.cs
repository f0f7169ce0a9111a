using System.Numerics;
using System.Text.Json.Nodes;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Signing;

namespace PowerVerse.GpuAgent.Signing;

/// <summary>
/// The agent's signatures: the EIP-712 <c>ProofResult</c> that ProofOfCompute checks (DESIGN §2), and EIP-191
/// personal-message signatures over the canonical JSON of heartbeats and grant answers (DESIGN §3).
/// </summary>
internal sealed class AgentSigner(EthereumKey key)
{
    public const string DomainName = "PowerVerse ProofOfCompute";
    public const string DomainVersion = "1";

    public Address Address => key.Address;

    public static TypedData ProofResult(
        BigInteger chainId, Address proofContract, BigInteger challengeId, BigInteger vid, byte[] seed, IReadOnlyList<ulong> nonces, ulong startedAt, ulong finishedAt)
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>
        {
            ["EIP712Domain"] =
            [
                new("name", "string"), new("version", "string"), new("chainId", "uint256"), new("verifyingContract", "address"),
            ],
            ["ProofResult"] =
            [
                new("challengeId", "uint256"), new("vid", "uint256"), new("seed", "bytes32"), new("nonces", "uint64[]"),
                new("startedAt", "uint64"), new("finishedAt", "uint64"),
            ],
        };
        var domain = new Dictionary<string, object?>
        {
            ["name"] = DomainName, ["version"] = DomainVersion, ["chainId"] = chainId, ["verifyingContract"] = proofContract,
        };
        var message = new Dictionary<string, object?>
        {
            ["challengeId"] = challengeId, ["vid"] = vid, ["seed"] = seed, ["nonces"] = nonces.Cast<object?>().ToList(),
            ["startedAt"] = startedAt, ["finishedAt"] = finishedAt,
        };
        return new TypedData(types, "ProofResult", domain, message);
    }

    public Signature Sign(TypedData data) => TypedDataSigner.Sign(key, data);

    /// <summary>Adds <c>signature</c>: EIP-191 over the canonical JSON of everything else.</summary>
    public JsonObject SignJson(JsonObject message)
    {
        message["signature"] = PersonalMessage.Sign(key, CanonicalJson.Serialize(message)).ToHex();
        return message;
    }
}
