namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// One account's dividend in one epoch with its Merkle proof. Table <c>rmDividends</c>: PK the epoch (decimal), RK the
/// account (lowercase address). Read by <c>GET /api/dividends/{epoch}/{address}</c>; written by the monthly dividend
/// orchestration when it posts the root (not from an event), and marked claimed from <c>DividendClaimed</c>.
/// </summary>
internal sealed class DividendEntity : ReadModelEntity
{
    public string Epoch { get; set; } = string.Empty;

    public string Account { get; set; } = string.Empty;

    /// <summary>uint256, decimal.</summary>
    public string Amount { get; set; } = "0";

    /// <summary>The Merkle proof: a JSON array of 0x-prefixed 32-byte hashes.</summary>
    public string Proof { get; set; } = "[]";

    public bool Claimed { get; set; }
}
