namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// An HID: one physical GPU. Table <c>rmHardware</c>: PK the HID (decimal), RK empty. Read by
/// <c>GET /api/hardware/{hid}</c> (and for the HID of a resource); written from <c>HardwareRegistry.HardwareRegistered</c>,
/// <c>AgentChanged</c>, <c>Transfer</c> and <c>ProviderStaking.Staked</c>/<c>UnstakeRequested</c>/<c>Withdrawn</c>/<c>Slashed</c>.
/// </summary>
internal sealed class HardwareEntity : ReadModelEntity
{
    public string Hid { get; set; } = string.Empty;

    /// <summary>Current owner (EIP-55).</summary>
    public string Owner { get; set; } = string.Empty;

    /// <summary>The account that registered it.</summary>
    public string Provider { get; set; } = string.Empty;

    /// <summary>The agent address that signs its proofs.</summary>
    public string Agent { get; set; } = string.Empty;

    public long GpuModel { get; set; }

    public long ComputeType { get; set; }

    /// <summary>keccak256 of the device UUID, 0x and 64 hex digits.</summary>
    public string DeviceHash { get; set; } = string.Empty;

    public long Vcpus { get; set; }

    public long MemoryMiB { get; set; }

    /// <summary>PVC staked on it (uint256, decimal), after unstake requests and slashes.</summary>
    public string Stake { get; set; } = "0";

    /// <summary>Total slashed from it (uint256, decimal).</summary>
    public string Slashed { get; set; } = "0";
}
