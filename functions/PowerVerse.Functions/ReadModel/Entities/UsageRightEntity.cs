namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// A UID: the right to use one VID for a period (ERC-4907 user and expiry). Table <c>rmUsageRights</c>: PK the UID
/// (decimal), RK empty. Read by <c>GET /api/usage-rights/{uid}</c>; written from <c>UsageRights.UsageRightCreated</c>,
/// <c>UsageRightRetired</c>, <c>UpdateUser</c>, <c>Transfer</c>.
/// </summary>
internal sealed class UsageRightEntity : ReadModelEntity
{
    public string Uid { get; set; } = string.Empty;

    public string Vid { get; set; } = string.Empty;

    public string Hid { get; set; } = string.Empty;

    public string Owner { get; set; } = string.Empty;

    public string Provider { get; set; } = string.Empty;

    public long DurationSeconds { get; set; }

    /// <summary>ERC-4907 user (EIP-55), empty until sold.</summary>
    public string User { get; set; } = string.Empty;

    /// <summary>Unix seconds; 0 until sold. Expiry is read-time: the user's right ends then, with no event.</summary>
    public long Expires { get; set; }

    public long GpuModel { get; set; }

    public long ComputeType { get; set; }

    public bool Retired { get; set; }
}
