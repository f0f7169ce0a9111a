using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace PowerVerse.Chain.Forwarding;

/// <summary>
/// OpenZeppelin 5's <c>ForwardRequestData(address from,address to,uint256 value,uint256 gas,uint48 deadline,bytes data,bytes signature)</c>:
/// a signed request as <c>execute</c> takes it and as the HTTP API receives it. It carries no nonce: the forwarder
/// checks the signature against the signer's current one.
/// </summary>
[Struct("ForwardRequestData")]
public sealed class ForwardRequestData
{
    [Parameter("address", "from", 1)]
    public string From { get; set; } = string.Empty;

    [Parameter("address", "to", 2)]
    public string To { get; set; } = string.Empty;

    [Parameter("uint256", "value", 3)]
    public BigInteger Value { get; set; }

    [Parameter("uint256", "gas", 4)]
    public BigInteger Gas { get; set; }

    [Parameter("uint48", "deadline", 5)]
    public ulong Deadline { get; set; }

    [Parameter("bytes", "data", 6)]
    public byte[] Data { get; set; } = [];

    /// <summary>65 bytes r ‖ s ‖ v over the EIP-712 hash of the request at the signer's nonce.</summary>
    [Parameter("bytes", "signature", 7)]
    public byte[] Signature { get; set; } = [];

    /// <summary>The request this data claims to be, at the given forwarder nonce.</summary>
    public ForwardRequest ToRequest(BigInteger nonce) => new()
    {
        From = From,
        To = To,
        Value = Value,
        Gas = Gas,
        Nonce = nonce,
        Deadline = Deadline,
        Data = Data,
    };
}
