using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Web3;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Rpc;

namespace PowerVerse.Indexer.Tests.SeedMarket;

/// <summary>The expected side: what the contracts' views say now, read with the chain layer's view DTOs.</summary>
internal sealed class ChainViews(Uri rpcUrl, SeedAccounts a)
{
    private readonly Web3 _web3 = new(ChainRpc.CreateClient(rpcUrl));

    public async Task<TOutput> QueryAsync<TFunction, TOutput>(string contract, TFunction function)
        where TFunction : FunctionMessage, new()
        where TOutput : IFunctionOutputDTO, new() =>
        await _web3.Eth.GetContractQueryHandler<TFunction>().QueryDeserializingToObjectAsync<TOutput>(function, a[contract]);

    public async Task<TValue> ValueAsync<TFunction, TValue>(string contractAddress, TFunction function)
        where TFunction : FunctionMessage, new() =>
        await _web3.Eth.GetContractQueryHandler<TFunction>().QueryAsync<TValue>(contractAddress, function);

    public Task<string> OwnerOfAsync(string contract, BigInteger id) => ValueAsync<OwnerOfFunction, string>(a[contract], new() { TokenId = id });

    public async Task<HardwareInfo> HardwareAsync(BigInteger hid) =>
        (await QueryAsync<HardwareFunction, HardwareOutput>("HardwareRegistry", new() { Hid = hid })).Hardware;

    public async Task<ResourceInfo> ResourceAsync(BigInteger vid) =>
        (await QueryAsync<ResourceFunction, ResourceOutput>("ResourceRegistry", new() { Vid = vid })).Resource;

    public async Task<UsageRightInfo> UsageRightAsync(BigInteger uid) =>
        (await QueryAsync<UsageRightFunction, UsageRightOutput>("UsageRights", new() { Uid = uid })).UsageRight;

    public Task<BigInteger> LiveUidAsync(BigInteger vid) => ValueAsync<LiveUidOfFunction, BigInteger>(a["UsageRights"], new() { Vid = vid });

    public async Task<MarketOrder> OrderAsync(BigInteger uid) =>
        (await QueryAsync<OrderOfFunction, OrderOutput>("ComputeMarket", new() { Uid = uid })).Order;

    public async Task<ShareListingInfo> ShareListingAsync(BigInteger id) =>
        (await QueryAsync<ShareListingFunction, ShareListingOutput>("ComputeMarket", new() { ListingId = id })).Listing;

    public async Task<StakeInfo> StakeAsync(BigInteger hid) =>
        (await QueryAsync<StakeOfFunction, StakeOutput>("ProviderStaking", new() { Hid = hid })).Stake;

    public async Task<ChallengeInfo> ChallengeAsync(BigInteger id) =>
        (await QueryAsync<ChallengeOfFunction, ChallengeOutput>("ProofOfCompute", new() { ChallengeId = id })).Challenge;

    public async Task<EpochInfo> EpochAsync(BigInteger epoch) =>
        (await QueryAsync<EpochOfFunction, EpochOutput>("DividendDistributor", new() { Epoch = epoch })).Epoch;

    public Task<BigInteger> RevenueSharesAsync(string account, BigInteger vid) =>
        ValueAsync<RevenueSharesOfFunction, BigInteger>(a["RevenueRights"], new() { Account = account, Vid = vid });

    public Task<BigInteger> RevenueSupplyAsync(BigInteger vid) => ValueAsync<RevenueSupplyFunction, BigInteger>(a["RevenueRights"], new() { Vid = vid });

    public Task<BigInteger> ClaimableAsync(BigInteger vid, string token, string account) =>
        ValueAsync<ClaimableFunction, BigInteger>(a["RevenueRights"], new() { Vid = vid, Token = token, Account = account });

    public Task<BigInteger> TokenBalanceAsync(string token, string account) => ValueAsync<TokenBalanceOfFunction, BigInteger>(a[token], new() { Account = account });
}
