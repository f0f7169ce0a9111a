using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace PowerVerse.Chain.Contracts;

// HardwareRegistry's views the read model reads (DESIGN §2, HID). ContractSurfaceTests checks them against contracts/abi.

/// <summary><c>HardwareRegistry.hardware(hid)</c>: what the HID was registered with; reverts for an HID that does not exist.</summary>
[Function("hardware", typeof(HardwareOutput))]
public sealed class HardwareFunction : FunctionMessage
{
    [Parameter("uint256", "hid", 1)]
    public BigInteger Hid { get; set; }
}

/// <summary>The <c>Hardware</c> struct <see cref="HardwareFunction"/> returns.</summary>
[FunctionOutput]
public sealed class HardwareOutput : IFunctionOutputDTO
{
    [Parameter("tuple", "", 1)]
    public HardwareInfo Hardware { get; set; } = new();
}

/// <summary><c>IPowerVerseAssets.Hardware</c>.</summary>
public sealed class HardwareInfo
{
    [Parameter("uint32", "gpuModel", 1)]
    public uint GpuModel { get; set; }

    [Parameter("uint32", "computeType", 2)]
    public uint ComputeType { get; set; }

    [Parameter("address", "agent", 3)]
    public string Agent { get; set; } = string.Empty;

    [Parameter("bytes32", "deviceHash", 4)]
    public byte[] DeviceHash { get; set; } = [];

    [Parameter("uint16", "vcpus", 5)]
    public ushort Vcpus { get; set; }

    [Parameter("uint32", "memoryMiB", 6)]
    public uint MemoryMiB { get; set; }
}
