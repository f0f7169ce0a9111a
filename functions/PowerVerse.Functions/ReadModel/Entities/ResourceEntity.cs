namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// A VID: a compute resource on one HID. Table <c>rmResources</c>: PK the VID (decimal), RK empty. Read by
/// <c>GET /api/resources/{vid}</c>, by <c>GET /api/accounts/{address}</c> (whether each held VID is free) and by rank
/// updates (which listing of the VID to re-sort). Written from <c>ResourceRegistry.ResourceCreated</c>,
/// <c>ResourceRetired</c>, <c>Transfer</c>, <c>UsageRights.UsageRightCreated</c>/<c>UsageRightRetired</c>/<c>UpdateUser</c>
/// (the bound UID and its expiry) and <c>RevenueRights.RevenueRightsMinted</c>.
/// </summary>
internal sealed class ResourceEntity : ReadModelEntity
{
    public string Vid { get; set; } = string.Empty;

    public string Hid { get; set; } = string.Empty;

    public string Owner { get; set; } = string.Empty;

    public long GpuModel { get; set; }

    public long ComputeType { get; set; }

    public long GpuShareBps { get; set; }

    public long Vcpus { get; set; }

    public long MemoryMiB { get; set; }

    public long DiskGiB { get; set; }

    /// <summary>The UID bound to it last (decimal), or empty. It is live while never rented or not yet expired.</summary>
    public string BoundUid { get; set; } = string.Empty;

    /// <summary>Unix seconds the bound UID's rental ends; 0 while it was never rented.</summary>
    public long BoundUidExpires { get; set; }

    /// <summary>RID supply minted at its first listing (uint256, decimal); "0" until then.</summary>
    public string RevenueShares { get; set; } = "0";

    public bool Retired { get; set; }
}
