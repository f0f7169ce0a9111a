using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Contracts;

// DividendDistributor's views the read model reads (DESIGN §2, DividendDistributor). ContractSurfaceTests checks them against contracts/abi.

/// <summary><c>DividendDistributor.epochOf(epoch)</c>: a monthly epoch's root, token, total and funding.</summary>
[Function("epochOf", typeof(EpochOutput))]
public sealed class EpochOfFunction : FunctionMessage
{
    [Parameter("uint256", "epoch", 1)]
    public BigInteger Epoch { get; set; }
}

/// <summary>The <c>Epoch</c> struct <see cref="EpochOfFunction"/> returns.</summary>
[FunctionOutput]
public sealed class EpochOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "", 1)]
    public EpochInfo Epoch { get; set; } = new();
}

/// <summary><c>IPowerVerseDividends.Epoch</c>; <c>ClaimDeadline</c> is 0 until the epoch is funded.</summary>
public sealed class EpochInfo
{
    [Parameter("bytes32", "root", 1)]
    public byte[] Root { get; set; } = [];

    [Parameter("address", "token", 2)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint96", "remaining", 3)]
    public BigInteger Remaining { get; set; }

    [Parameter("uint32", "period", 4)]
    public uint Period { get; set; }

    [Parameter("uint96", "total", 5)]
    public BigInteger Total { get; set; }

    [Parameter("uint40", "claimDeadline", 6)]
    public ulong ClaimDeadline { get; set; }

    [Parameter("bool", "reclaimed", 7)]
    public bool Reclaimed { get; set; }
}

/// <summary><c>DividendDistributor.isClaimed(epoch, account)</c>.</summary>
[Function("isClaimed", "bool")]
public sealed class IsDividendClaimedFunction : FunctionMessage
{
    [Parameter("uint256", "epoch", 1)]
    public BigInteger Epoch { get; set; }

    [Parameter("address", "account", 2)]
    public string Account { get; set; } = string.Empty;
}

/// <summary><c>DividendDistributor.epochOfPeriod(period)</c>: the epoch of a month yyyymm, 0 while it is not posted.</summary>
[Function("epochOfPeriod", "uint256")]
public sealed class EpochOfPeriodFunction : FunctionMessage
{
    [Parameter("uint32", "period", 1)]
    public uint Period { get; set; }
}
