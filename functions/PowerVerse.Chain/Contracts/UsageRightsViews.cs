using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Contracts;

// UsageRights' views the read model reads (DESIGN §2, UID with ERC-4907). ContractSurfaceTests checks them against contracts/abi.

/// <summary><c>UsageRights.usageRight(uid)</c>: its VID, duration and rental (user, expiry; 0 until sold); reverts once retired.</summary>
[Function("usageRight", typeof(UsageRightOutput))]
public sealed class UsageRightFunction : FunctionMessage
{
    [Parameter("uint256", "uid", 1)]
    public BigInteger Uid { get; set; }
}

/// <summary>The <c>UsageRight</c> struct <see cref="UsageRightFunction"/> returns.</summary>
[FunctionOutput]
public sealed class UsageRightOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "", 1)]
    public UsageRightInfo UsageRight { get; set; } = new();
}

/// <summary><c>IPowerVerseAssets.UsageRight</c>: <c>User</c> stays recorded after expiry (ERC-4907's <c>userOf</c> reads 0 then).</summary>
public sealed class UsageRightInfo
{
    [Parameter("uint256", "vid", 1)]
    public BigInteger Vid { get; set; }

    [Parameter("uint64", "duration", 2)]
    public ulong Duration { get; set; }

    [Parameter("uint64", "expires", 3)]
    public ulong Expires { get; set; }

    [Parameter("address", "user", 4)]
    public string User { get; set; } = string.Empty;
}

/// <summary><c>UsageRights.liveUidOf(vid)</c>: the UID bound to the VID while it is live (not rented, or rented and unexpired); 0 when the VID is free.</summary>
[Function("liveUidOf", "uint256")]
public sealed class LiveUidOfFunction : FunctionMessage
{
    [Parameter("uint256", "vid", 1)]
    public BigInteger Vid { get; set; }
}

/// <summary><c>hidOf(id)</c> of UsageRights (a UID's HID) or ResourceRegistry (a VID's HID).</summary>
[Function("hidOf", "uint256")]
public sealed class HidOfFunction : FunctionMessage
{
    [Parameter("uint256", "id", 1)]
    public BigInteger Id { get; set; }
}
