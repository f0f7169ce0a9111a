using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Contracts;

// A provider's actions (DESIGN §2), as PowerVerse sends them: hardware, stake, resources, usage rights, listings.
// ContractSurfaceTests checks every declared signature against contracts/abi.

/// <summary><c>HardwareRegistry.register</c>: mints the HID to the caller; the agent's EIP-712 DeviceAttestation proves the device.</summary>
[Function("register", "uint256")]
public sealed class RegisterHardwareFunction : FunctionMessage
{
    [Parameter("uint32", "gpuModel", 1)]
    public uint GpuModel { get; set; }

    [Parameter("bytes32", "deviceHash", 2)]
    public byte[] DeviceHash { get; set; } = [];

    [Parameter("address", "agent", 3)]
    public string Agent { get; set; } = string.Empty;

    [Parameter("uint16", "vcpus", 4)]
    public ushort Vcpus { get; set; }

    [Parameter("uint32", "memoryMiB", 5)]
    public uint MemoryMiB { get; set; }

    [Parameter("bytes", "attestation", 6)]
    public byte[] Attestation { get; set; } = [];
}

/// <summary><c>ProviderStaking.stake(hid, amount)</c> in PVC (approved first).</summary>
[Function("stake")]
public sealed class StakeFunction : FunctionMessage
{
    [Parameter("uint256", "hid", 1)]
    public BigInteger Hid { get; set; }

    [Parameter("uint256", "amount", 2)]
    public BigInteger Amount { get; set; }
}

/// <summary><c>ResourceRegistry.create</c>: a VID on the HID with its share of the hardware.</summary>
[Function("create", "uint256")]
public sealed class CreateResourceFunction : FunctionMessage
{
    [Parameter("uint256", "hid", 1)]
    public BigInteger Hid { get; set; }

    [Parameter("uint16", "gpuShareBps", 2)]
    public ushort GpuShareBps { get; set; }

    [Parameter("uint16", "vcpus", 3)]
    public ushort Vcpus { get; set; }

    [Parameter("uint32", "memoryMiB", 4)]
    public uint MemoryMiB { get; set; }

    [Parameter("uint32", "diskGiB", 5)]
    public uint DiskGiB { get; set; }
}

/// <summary><c>UsageRights.create(vid, duration)</c>: a UID for the VID, rented for <c>duration</c> seconds once sold.</summary>
[Function("create", "uint256")]
public sealed class CreateUsageRightFunction : FunctionMessage
{
    [Parameter("uint256", "vid", 1)]
    public BigInteger Vid { get; set; }

    [Parameter("uint32", "duration", 2)]
    public uint Duration { get; set; }
}

/// <summary><c>ComputeMarket.list(uid, token, price)</c>.</summary>
[Function("list")]
public sealed class ListFunction : FunctionMessage
{
    [Parameter("uint256", "uid", 1)]
    public BigInteger Uid { get; set; }

    [Parameter("address", "token", 2)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "price", 3)]
    public BigInteger Price { get; set; }
}

/// <summary><c>ComputeMarket.listWithRevenueRights</c>: a VID's first listing, minting its RID to the beneficiaries.</summary>
[Function("listWithRevenueRights")]
public sealed class ListWithRevenueRightsFunction : FunctionMessage
{
    [Parameter("uint256", "uid", 1)]
    public BigInteger Uid { get; set; }

    [Parameter("address", "token", 2)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "price", 3)]
    public BigInteger Price { get; set; }

    [Parameter("address[]", "beneficiaries", 4)]
    public List<string> Beneficiaries { get; set; } = [];

    [Parameter("uint256[]", "shares", 5)]
    public List<BigInteger> Shares { get; set; } = [];
}

/// <summary><c>ComputeMarket.buy(uid, token, price)</c>: the price and token the buyer agreed to (approved first).</summary>
[Function("buy")]
public sealed class BuyFunction : FunctionMessage
{
    [Parameter("uint256", "uid", 1)]
    public BigInteger Uid { get; set; }

    [Parameter("address", "token", 2)]
    public string Token { get; set; } = string.Empty;

    [Parameter("uint256", "price", 3)]
    public BigInteger Price { get; set; }
}

/// <summary>ERC-20 <c>approve(spender, value)</c> (PVC, tUSD).</summary>
[Function("approve", "bool")]
public sealed class ApproveFunction : FunctionMessage
{
    [Parameter("address", "spender", 1)]
    public string Spender { get; set; } = string.Empty;

    [Parameter("uint256", "value", 2)]
    public BigInteger Value { get; set; }
}

/// <summary><c>PowerParams.minStake(computeType)</c>.</summary>
[Function("minStake", "uint256")]
public sealed class MinStakeFunction : FunctionMessage
{
    [Parameter("uint32", "computeType", 1)]
    public uint ComputeType { get; set; }
}
