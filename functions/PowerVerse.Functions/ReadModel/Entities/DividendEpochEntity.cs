namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// A monthly dividend epoch. Table <c>rmDividendEpochs</c>: PK <c>epochs</c>, RK the epoch as 78 digits. Read by
/// <c>GET /api/dividends/{epoch}/{address}</c>; written from <c>DividendDistributor.EpochPosted</c>, <c>EpochFunded</c>,
/// <c>EpochReclaimed</c>.
/// </summary>
internal sealed class DividendEpochEntity : ReadModelEntity
{
    public const string Partition = "epochs";

    public string Epoch { get; set; } = string.Empty;

    /// <summary>The month, as the contract's period (e.g. 202611).</summary>
    public long Period { get; set; }

    /// <summary>Merkle root, 0x and 64 hex digits.</summary>
    public string Root { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;

    public string Total { get; set; } = "0";

    public bool Funded { get; set; }

    /// <summary>Unix seconds; 0 until funded.</summary>
    public long ClaimDeadline { get; set; }

    public bool Reclaimed { get; set; }
}
