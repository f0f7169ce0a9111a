using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Contracts;

// ProviderStaking's views the read model reads (DESIGN §2, ProviderStaking). ContractSurfaceTests checks them against contracts/abi.

/// <summary><c>ProviderStaking.stakeOf(hid)</c>: the HID's active stake and what is unbonding.</summary>
[Function("stakeOf", typeof(StakeOutput))]
public sealed class StakeOfFunction : FunctionMessage
{
    [Parameter("uint256", "hid", 1)]
    public BigInteger Hid { get; set; }
}

/// <summary>The <c>Stake</c> struct <see cref="StakeOfFunction"/> returns.</summary>
[FunctionOutput]
public sealed class StakeOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "", 1)]
    public StakeInfo Stake { get; set; } = new();
}

/// <summary><c>IPowerVerseStaking.Stake</c>.</summary>
public sealed class StakeInfo
{
    [Parameter("uint96", "amount", 1)]
    public BigInteger Amount { get; set; }

    [Parameter("uint32", "computeType", 2)]
    public uint ComputeType { get; set; }

    [Parameter("uint64", "unbondingEnd", 3)]
    public ulong UnbondingEnd { get; set; }

    [Parameter("uint256", "unbonding", 4)]
    public BigInteger Unbonding { get; set; }
}

/// <summary><c>ProviderStaking.isSlashed(challengeId)</c>: whether the challenge has been slashed for (once at most).</summary>
[Function("isSlashed", "bool")]
public sealed class IsSlashedFunction : FunctionMessage
{
    [Parameter("uint256", "challengeId", 1)]
    public BigInteger ChallengeId { get; set; }
}
