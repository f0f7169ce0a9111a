using System.Numerics;
using Nethereum.ABI.EIP712;
using Nethereum.Hex.HexConvertors.Extensions;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;

namespace PowerVerse.GpuAgent.Signing;

/// <summary>
/// The typed data of one message the agent signs for a PowerVerse contract: domain {name, version "1", chainId,
/// verifyingContract} and the message's own type (EIP-712). The DeviceAttestation's (the ProofResult's is the Domain's ProofResultTypedData).
/// </summary>
internal static class Eip712Message
{
    public static TypedData<Eip712Domain> Create(
        string domainName, BigInteger chainId, string verifyingContract, string primaryType, MemberDescription[] members, MemberValue[] values)
    {
        var typed = new TypedData<Eip712Domain>
        {
            Domain = new Eip712Domain { Name = domainName, Version = "1", ChainId = chainId, VerifyingContract = verifyingContract },
            Types = new Dictionary<string, MemberDescription[]>
            {
                // EIP-712 §"Definition of domainSeparator": the fields in this order, as OpenZeppelin's EIP712 base hashes them.
                ["EIP712Domain"] = [Member("name", "string"), Member("version", "string"), Member("chainId", "uint256"), Member("verifyingContract", "address")],
                [primaryType] = members,
            },
            PrimaryType = primaryType,
            Message = values,
        };
        typed.InitDomainRawValues();
        return typed;
    }

    /// <summary>The EIP-712 digest keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message)) that is signed.</summary>
    public static string Hash(TypedData<Eip712Domain> typed) => Eip712TypedDataEncoder.Current.EncodeAndHashTypedData(typed).ToHex(prefix: true);

    public static MemberDescription Member(string name, string type) => new() { Name = name, Type = type };

    public static MemberValue Value(string type, object value) => new() { TypeName = type, Value = value };
}
