using System.Numerics;
using PowerVerse.Ethereum.Crypto;

namespace PowerVerse.Ethereum.Contracts;

/// <summary>
/// The EIP-712 domain of an OpenZeppelin 5 ERC2771Forwarder: the name given to its constructor, version "1",
/// the chain id and the forwarder's address.
/// </summary>
public sealed record ForwarderDomain(string Name, BigInteger ChainId, Address VerifyingContract)
{
    public const string Version = "1";

    internal IReadOnlyDictionary<string, object?> ToTypedDataDomain() => new Dictionary<string, object?>
    {
        ["name"] = Name,
        ["version"] = Version,
        ["chainId"] = ChainId,
        ["verifyingContract"] = VerifyingContract,
    };
}
