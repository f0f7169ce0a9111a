namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// What a month's dividend counts, as the chain's events said it (table <c>rmDividendActivity</c>). Rows of a month: PK
/// the month <c>yyyymm</c>, RK <c>{kind}-{id}</c> with kind <c>listed</c> or <c>rented</c> (a VID was listed or rented at
/// some time in the month), <c>online</c> (a proof of the VID was verified in the month), <c>missed</c> (a challenge
/// of the VID expired in the month) or <c>slashed</c> (the HID was slashed in the month). Open listings: PK
/// <c>open</c>, RK the UID, with the VID and when it was listed, until it is bought, unlisted or moved. Written by the
/// indexer (<c>DividendActivityProjection</c>); read by the dividend snapshot.
/// </summary>
internal sealed class DividendActivityEntity : ReadModelEntity
{
    public const string OpenPartition = "open";

    /// <summary><c>listed</c>, <c>rented</c>, <c>online</c>, <c>missed</c>, <c>slashed</c>, or <c>open</c>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The VID (decimal); empty for <c>slashed</c>.</summary>
    public string Vid { get; set; } = string.Empty;

    /// <summary>The HID of <c>slashed</c> (decimal); empty otherwise.</summary>
    public string Hid { get; set; } = string.Empty;

    /// <summary>An open listing's block time.</summary>
    public DateTimeOffset? Since { get; set; }
}
