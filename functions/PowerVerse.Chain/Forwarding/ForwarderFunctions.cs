using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Forwarding;

// The forwarder functions PowerVerse calls (OpenZeppelin 5 ERC2771Forwarder, deployed as PowerForwarder).
// ContractSurfaceTests checks every declared signature against contracts/abi.

/// <summary><c>eip712Domain()</c> (EIP-5267).</summary>
[Function("eip712Domain", typeof(Eip712DomainOutput))]
public sealed class Eip712DomainFunction : FunctionMessage;

/// <summary>The answer of <c>eip712Domain()</c>.</summary>
[FunctionOutput]
public sealed class Eip712DomainOutput : IFunctionOutputDTO
{
    [Parameter("bytes1", "fields", 1)]
    public byte[] Fields { get; set; } = [];

    [Parameter("string", "name", 2)]
    public string Name { get; set; } = string.Empty;

    [Parameter("string", "version", 3)]
    public string Version { get; set; } = string.Empty;

    [Parameter("uint256", "chainId", 4)]
    public BigInteger ChainId { get; set; }

    [Parameter("address", "verifyingContract", 5)]
    public string VerifyingContract { get; set; } = string.Empty;

    [Parameter("bytes32", "salt", 6)]
    public byte[] Salt { get; set; } = [];

    [Parameter("uint256[]", "extensions", 7)]
    public List<BigInteger> Extensions { get; set; } = [];
}

/// <summary><c>nonces(address owner) returns (uint256)</c>.</summary>
[Function("nonces", "uint256")]
public sealed class NoncesFunction : FunctionMessage
{
    [Parameter("address", "owner", 1)]
    public string Owner { get; set; } = string.Empty;
}

/// <summary><c>verify(ForwardRequestData request) returns (bool)</c>: signature, deadline, nonce and trusted target.</summary>
[Function("verify", "bool")]
public sealed class VerifyFunction : FunctionMessage
{
    [Parameter("tuple", "request", 1)]
    public ForwardRequestData Request { get; set; } = new();
}

/// <summary><c>execute(ForwardRequestData request) payable</c>.</summary>
[Function("execute")]
public sealed class ExecuteFunction : FunctionMessage
{
    [Parameter("tuple", "request", 1)]
    public ForwardRequestData Request { get; set; } = new();
}
