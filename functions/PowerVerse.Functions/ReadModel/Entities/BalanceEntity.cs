namespace PowerVerse.Functions.ReadModel.Entities;

/// <summary>
/// An account's balance of one payment token (PVC or an accepted stablecoin). Table <c>rmBalances</c>: PK the account
/// (lowercase address), RK the token (lowercase address). Read by <c>GET /api/accounts/{address}</c>; written from the
/// tokens' ERC-20 <c>Transfer</c>s.
/// </summary>
internal sealed class BalanceEntity : ReadModelEntity
{
    public string Account { get; set; } = string.Empty;

    public string Token { get; set; } = string.Empty;

    public string Symbol { get; set; } = string.Empty;

    /// <summary>uint256, decimal.</summary>
    public string Balance { get; set; } = "0";
}
