namespace PowerVerse.Views;

/// <summary>An HID. Amounts are uint256 decimals; addresses EIP-55.</summary>
public sealed record HardwareView(
    string Hid, string Owner, string Provider, string Agent, long GpuModel, long ComputeType, string DeviceHash, long Vcpus,
    long MemoryMiB, string Stake, string Slashed, ChainRefView Source);
