namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// What an account holds of one asset. Table <c>rmHoldings</c>: PK the account (lowercase address), RK
/// <c>{kind}-{id:D78}</c>, kind <c>hid</c>, <c>vid</c>, <c>uid</c> (owned tokens), <c>rid</c> (RID shares of a VID) or
/// <c>use</c> (a UID the account is the ERC-4907 user of). Read by <c>GET /api/accounts/{address}</c>; written from
/// the ERC-721 <c>Transfer</c>s of HardwareRegistry, ResourceRegistry and UsageRights, RevenueRights
/// <c>TransferSingle</c>/<c>TransferBatch</c>, and UsageRights <c>UpdateUser</c>. A zero holding is deleted.
/// </summary>
internal sealed class HoldingEntity : ReadModelEntity
{
    public string Account { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string TokenId { get; set; } = string.Empty;

    /// <summary>1 for an NFT, the share count for <c>rid</c> (uint256, decimal).</summary>
    public string Amount { get; set; } = "1";

    /// <summary>For <c>use</c>: unix seconds the right ends.</summary>
    public long Expires { get; set; }
}
