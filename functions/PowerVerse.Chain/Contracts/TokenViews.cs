using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Contracts;

// The standard token views the app reads: ERC-721 owners (HID, VID, UID), ERC-20 balances and metadata (PVC, tUSD).
// ContractSurfaceTests checks them against contracts/abi.

/// <summary>ERC-721 <c>ownerOf(tokenId)</c>; reverts for a token that does not exist (never minted or burned).</summary>
[Function("ownerOf", "address")]
public sealed class OwnerOfFunction : FunctionMessage
{
    [Parameter("uint256", "tokenId", 1)]
    public BigInteger TokenId { get; set; }
}

/// <summary>ERC-20 <c>balanceOf(account)</c>.</summary>
[Function("balanceOf", "uint256")]
public sealed class TokenBalanceOfFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;
}

/// <summary>ERC-20 <c>symbol()</c>.</summary>
[Function("symbol", "string")]
public sealed class SymbolFunction : FunctionMessage;

/// <summary>ERC-20 <c>name()</c>.</summary>
[Function("name", "string")]
public sealed class TokenNameFunction : FunctionMessage;

/// <summary>ERC-20 <c>decimals()</c>.</summary>
[Function("decimals", "uint8")]
public sealed class DecimalsFunction : FunctionMessage;

/// <summary>ERC-20 <c>allowance(owner, spender)</c>.</summary>
[Function("allowance", "uint256")]
public sealed class AllowanceFunction : FunctionMessage
{
    [Parameter("address", "owner", 1)]
    public string Owner { get; set; } = string.Empty;

    [Parameter("address", "spender", 2)]
    public string Spender { get; set; } = string.Empty;
}
