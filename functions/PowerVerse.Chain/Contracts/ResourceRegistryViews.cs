using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Contracts;

// ResourceRegistry's views the read model reads (DESIGN §2, VID). ContractSurfaceTests checks them against contracts/abi.

/// <summary><c>ResourceRegistry.resource(vid)</c>: the VID's HID and its share of it; reverts once the VID is retired (burned).</summary>
[Function("resource", typeof(ResourceOutput))]
public sealed class ResourceFunction : FunctionMessage
{
    [Parameter("uint256", "vid", 1)]
    public BigInteger Vid { get; set; }
}

/// <summary>The <c>Resource</c> struct <see cref="ResourceFunction"/> returns.</summary>
[FunctionOutput]
public sealed class ResourceOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "", 1)]
    public ResourceInfo Resource { get; set; } = new();
}

/// <summary><c>IPowerVerseAssets.Resource</c>.</summary>
public sealed class ResourceInfo
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
