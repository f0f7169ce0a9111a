using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Contracts;

// RevenueRights' views the read model reads (DESIGN §2, RID: ERC-1155 with id = VID and a pull-based income accumulator).
// ContractSurfaceTests checks them against contracts/abi.

/// <summary>ERC-1155 <c>balanceOf(account, id)</c>: an account's RID shares of a VID.</summary>
[Function("balanceOf", "uint256")]
public sealed class RevenueSharesOfFunction : FunctionMessage
{
    [Parameter("address", "account", 1)]
    public string Account { get; set; } = string.Empty;

    [Parameter("uint256", "id", 2)]
    public BigInteger Vid { get; set; }
}

/// <summary><c>RevenueRights.claimable(vid, token, account)</c>: income the account may claim now (the stream released so far).</summary>
[Function("claimable", "uint256")]
public sealed class ClaimableFunction : FunctionMessage
{
    [Parameter("uint256", "vid", 1)]
    public BigInteger Vid { get; set; }

    [Parameter("address", "token", 2)]
    public string Token { get; set; } = string.Empty;

    [Parameter("address", "account", 3)]
    public string Account { get; set; } = string.Empty;
}

/// <summary><c>RevenueRights.incomeTokens(vid)</c>: every token the VID has ever received income in.</summary>
[Function("incomeTokens", "address[]")]
public sealed class IncomeTokensFunction : FunctionMessage
{
    [Parameter("uint256", "vid", 1)]
    public BigInteger Vid { get; set; }
}

/// <summary><c>RevenueRights.totalSupply(vid)</c>: the VID's RID shares (0 until its first listing mints them).</summary>
[Function("totalSupply", "uint256")]
public sealed class RevenueSupplyFunction : FunctionMessage
{
    [Parameter("uint256", "vid", 1)]
    public BigInteger Vid { get; set; }
}
