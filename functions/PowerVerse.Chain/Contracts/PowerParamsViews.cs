using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Contracts;

// PowerParams' views of the DAO lists (DESIGN §2, PowerParams). ContractSurfaceTests checks them against contracts/abi.

/// <summary><c>PowerParams.computeTypeName(computeType)</c> (empty for an unknown type).</summary>
[Function("computeTypeName", "string")]
public sealed class ComputeTypeNameFunction : FunctionMessage
{
    [Parameter("uint32", "computeType", 1)]
    public uint ComputeType { get; set; }
}

/// <summary><c>PowerParams.gpuModel(id)</c>.</summary>
[Function("gpuModel", typeof(GpuModelOutput))]
public sealed class GpuModelFunction : FunctionMessage
{
    [Parameter("uint32", "id", 1)]
    public uint Id { get; set; }
}

/// <summary>The <c>GpuModel</c> struct <see cref="GpuModelFunction"/> returns.</summary>
[FunctionOutput]
public sealed class GpuModelOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "", 1)]
    public GpuModelInfo Model { get; set; } = new();
}

/// <summary><c>IPowerVerseParams.GpuModel</c>.</summary>
public sealed class GpuModelInfo
{
    [Parameter("uint32", "computeType", 1)]
    public uint ComputeType { get; set; }

    [Parameter("uint32", "memoryMiB", 2)]
    public uint MemoryMiB { get; set; }

    [Parameter("string", "name", 3)]
    public string Name { get; set; } = string.Empty;
}

/// <summary><c>PowerParams.proofParams(computeType, version)</c>.</summary>
[Function("proofParams", typeof(ProofParamsOutput))]
public sealed class ProofParamsFunction : FunctionMessage
{
    [Parameter("uint32", "computeType", 1)]
    public uint ComputeType { get; set; }

    [Parameter("uint32", "version", 2)]
    public uint Version { get; set; }
}

/// <summary>The <c>ProofParams</c> struct <see cref="ProofParamsFunction"/> returns.</summary>
[FunctionOutput]
public sealed class ProofParamsOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "", 1)]
    public ProofParamsInfo Params { get; set; } = new();
}

/// <summary><c>IPowerVerseParams.ProofParams</c>.</summary>
public sealed class ProofParamsInfo
{
    [Parameter("uint8", "difficulty", 1)]
    public byte Difficulty { get; set; }

    [Parameter("uint16", "shares", 2)]
    public ushort Shares { get; set; }

    [Parameter("uint32", "deadlineSeconds", 3)]
    public uint DeadlineSeconds { get; set; }
}

/// <summary><c>PowerParams.revenueWeight(computeType)</c>: the RID supply a VID of that type is minted with.</summary>
[Function("revenueWeight", "uint256")]
public sealed class RevenueWeightFunction : FunctionMessage
{
    [Parameter("uint32", "computeType", 1)]
    public uint ComputeType { get; set; }
}

/// <summary>
/// <c>PowerParams.disputeWindow()</c>: seconds after a rental's end in which only the challenger may settle; the window
/// in force is never shorter than the longest proof deadline.
/// </summary>
[Function("disputeWindow", "uint32")]
public sealed class DisputeWindowFunction : FunctionMessage;

/// <summary><c>PowerParams.challengeCooldown()</c>: seconds a requester waits between two challenges of one VID; the platform's proof cadence.</summary>
[Function("challengeCooldown", "uint32")]
public sealed class ChallengeCooldownFunction : FunctionMessage;
