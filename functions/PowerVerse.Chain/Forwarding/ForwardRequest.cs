using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace PowerVerse.Chain.Forwarding;

/// <summary>
/// What a user signs for a relayed call, OpenZeppelin 5's ERC2771Forwarder EIP-712 type:
/// <c>ForwardRequest(address from,address to,uint256 value,uint256 gas,uint256 nonce,uint48 deadline,bytes data)</c>.
/// </summary>
[Struct("ForwardRequest")]
public sealed class ForwardRequest
{
    [Parameter("address", "from", 1)]
    public string From { get; set; } = string.Empty;

    [Parameter("address", "to", 2)]
    public string To { get; set; } = string.Empty;

    [Parameter("uint256", "value", 3)]
    public BigInteger Value { get; set; }

    /// <summary>Gas forwarded to the target; the forwarder checks enough is left (EIP-150's 63/64 rule).</summary>
    [Parameter("uint256", "gas", 4)]
    public BigInteger Gas { get; set; }

    /// <summary>The signer's current nonce at the forwarder (<c>nonces(from)</c>).</summary>
    [Parameter("uint256", "nonce", 5)]
    public BigInteger Nonce { get; set; }

    /// <summary>Unix seconds; the forwarder refuses the request after it.</summary>
    [Parameter("uint48", "deadline", 6)]
    public ulong Deadline { get; set; }

    [Parameter("bytes", "data", 7)]
    public byte[] Data { get; set; } = [];
}
