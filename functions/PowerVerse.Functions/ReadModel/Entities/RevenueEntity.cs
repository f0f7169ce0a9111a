namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// An account's rental income from one VID in one token: its RID shares, what it can claim now and what it claimed.
/// Table <c>rmRevenues</c>: PK the account (lowercase address), RK <c>{vid:D78}-{token lowercase}</c>. Read by
/// <c>GET /api/accounts/{address}</c> (claimable revenue); written from <c>IncomeDeposited</c>, <c>IncomeClaimed</c>
/// and RID transfers (the claimable amount is the contract's accumulator, read when one of them happens).
/// </summary>
internal sealed class RevenueEntity : ReadModelEntity
{
    public string Account { get; set; } = string.Empty;

    public string Vid { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;

    public string Shares { get; set; } = "0";

    public string Claimable { get; set; } = "0";

    public string Claimed { get; set; } = "0";
}
