using System.Numerics;
using PowerVerse.Chain.Contracts;
using static PowerVerse.Functions.Indexer.Projections.ContractNames;

namespace PowerVerse.Functions.Indexer.Projections;

/// <summary>The contracts' views, typed, at a block.</summary>
internal sealed partial class ChainReader
{
    /// <summary>An HID's registration and current agent; null if it does not exist at that block.</summary>
    public async Task<HardwareInfo?> HardwareAsync(BigInteger hid, BigInteger block) =>
        (await QueryAsync<HardwareFunction, HardwareOutput>(HardwareRegistry, new() { Hid = hid }, block))?.Hardware;

    /// <summary>The owner of an ERC-721 token of <paramref name="contract"/>; null if it does not exist (not minted, or burned).</summary>
    public async Task<string?> OwnerOfAsync(string contract, BigInteger tokenId, BigInteger block)
    {
        var (found, owner) = await ValueAsync<OwnerOfFunction, string>(Manifest[contract], new() { TokenId = tokenId }, block);
        return found ? owner : null;
    }

    public async Task<ResourceInfo?> ResourceAsync(BigInteger vid, BigInteger block) =>
        (await QueryAsync<ResourceFunction, ResourceOutput>(ResourceRegistry, new() { Vid = vid }, block))?.Resource;

    public async Task<UsageRightInfo?> UsageRightAsync(BigInteger uid, BigInteger block) =>
        (await QueryAsync<UsageRightFunction, UsageRightOutput>(UsageRights, new() { Uid = uid }, block))?.UsageRight;

    /// <summary>The VID's live UID, 0 when it is free.</summary>
    public async Task<BigInteger> LiveUidAsync(BigInteger vid, BigInteger block) =>
        (await ValueAsync<LiveUidOfFunction, BigInteger>(Manifest[UsageRights], new() { Vid = vid }, block)).Value;

    public async Task<MarketOrder> OrderAsync(BigInteger uid, BigInteger block) =>
        (await QueryAsync<OrderOfFunction, OrderOutput>(ComputeMarket, new() { Uid = uid }, block))?.Order ?? new MarketOrder();

    /// <summary>An RID listing; all zero once filled or cancelled.</summary>
    public async Task<ShareListingInfo> ShareListingAsync(BigInteger listingId, BigInteger block) =>
        (await QueryAsync<ShareListingFunction, ShareListingOutput>(ComputeMarket, new() { ListingId = listingId }, block))?.Listing ?? new ShareListingInfo();

    public async Task<StakeInfo> StakeAsync(BigInteger hid, BigInteger block) =>
        (await QueryAsync<StakeOfFunction, StakeOutput>(ProviderStaking, new() { Hid = hid }, block))?.Stake ?? new StakeInfo();

    public async Task<ChallengeInfo> ChallengeAsync(BigInteger challengeId, BigInteger block) =>
        (await QueryAsync<ChallengeOfFunction, ChallengeOutput>(ProofOfCompute, new() { ChallengeId = challengeId }, block))?.Challenge ?? new ChallengeInfo();

    public async Task<EpochInfo> EpochAsync(BigInteger epoch, BigInteger block) =>
        (await QueryAsync<EpochOfFunction, EpochOutput>(DividendDistributor, new() { Epoch = epoch }, block))?.Epoch ?? new EpochInfo();

    public async Task<BigInteger> RevenueSharesAsync(string account, BigInteger vid, BigInteger block) =>
        (await ValueAsync<RevenueSharesOfFunction, BigInteger>(Manifest[RevenueRights], new() { Account = account, Vid = vid }, block)).Value;

    public async Task<BigInteger> RevenueSupplyAsync(BigInteger vid, BigInteger block) =>
        (await ValueAsync<RevenueSupplyFunction, BigInteger>(Manifest[RevenueRights], new() { Vid = vid }, block)).Value;

    public async Task<BigInteger> ClaimableAsync(BigInteger vid, string token, string account, BigInteger block) =>
        (await ValueAsync<ClaimableFunction, BigInteger>(Manifest[RevenueRights], new() { Vid = vid, Token = token, Account = account }, block)).Value;

    public async Task<IReadOnlyList<string>> IncomeTokensAsync(BigInteger vid, BigInteger block) =>
        (await ValueAsync<IncomeTokensFunction, List<string>>(Manifest[RevenueRights], new() { Vid = vid }, block)).Value ?? [];

    /// <summary>An account's balance of an ERC-20 token (by address).</summary>
    public async Task<BigInteger> TokenBalanceAsync(string token, string account, BigInteger block) =>
        (await ValueAsync<TokenBalanceOfFunction, BigInteger>(token, new() { Account = account }, block)).Value;

    /// <summary>An ERC-20 token's symbol (cached: it never changes).</summary>
    public async Task<string> SymbolAsync(string token, BigInteger block) =>
        (await FactAsync("symbol:" + token.ToLowerInvariant(), async () =>
            new[] { (await ValueAsync<SymbolFunction, string>(token, new(), block)).Value ?? string.Empty }))[0];
}
