using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Web3;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Deployment;

namespace PowerVerse.Workflows.Tests.Support;

/// <summary>The contracts' own views, read with Nethereum: what each step must have done on chain.</summary>
public sealed class ChainViews(IWeb3 web3, DeploymentManifest manifest)
{
    public Task<string> OwnerOfAsync(string contract, BigInteger id) =>
        QueryAsync<OwnerOfFunction, string>(contract, new OwnerOfFunction { TokenId = id });

    /// <summary>ERC-4907 <c>userOf(uid)</c>: the user while the rental is live, else 0.</summary>
    public Task<string> UserOfAsync(BigInteger uid) => QueryAsync<UserOfFunction, string>("UsageRights", new UserOfFunction { TokenId = uid });

    public async Task<UsageRightInfo> UsageRightAsync(BigInteger uid) =>
        (await web3.Eth.GetContractQueryHandler<UsageRightFunction>().QueryDeserializingToObjectAsync<UsageRightOutput>(new UsageRightFunction { Uid = uid }, manifest["UsageRights"])).UsageRight;

    /// <summary>The UID bound to the VID while it is live; 0 when the VID is free.</summary>
    public Task<BigInteger> LiveUidOfAsync(BigInteger vid) => QueryAsync<LiveUidOfFunction, BigInteger>("UsageRights", new LiveUidOfFunction { Vid = vid });

    public async Task<HardwareInfo> HardwareAsync(BigInteger hid) =>
        (await web3.Eth.GetContractQueryHandler<HardwareFunction>().QueryDeserializingToObjectAsync<HardwareOutput>(new HardwareFunction { Hid = hid }, manifest["HardwareRegistry"])).Hardware;

    public async Task<ResourceInfo> ResourceAsync(BigInteger vid) =>
        (await web3.Eth.GetContractQueryHandler<ResourceFunction>().QueryDeserializingToObjectAsync<ResourceOutput>(new ResourceFunction { Vid = vid }, manifest["ResourceRegistry"])).Resource;

    public async Task<MarketOrder> OrderAsync(BigInteger uid) =>
        (await web3.Eth.GetContractQueryHandler<OrderOfFunction>().QueryDeserializingToObjectAsync<OrderOutput>(new OrderOfFunction { Uid = uid }, manifest["ComputeMarket"])).Order;

    public async Task<ShareListingInfo> ShareListingAsync(BigInteger listingId) =>
        (await web3.Eth.GetContractQueryHandler<ShareListingFunction>().QueryDeserializingToObjectAsync<ShareListingOutput>(new ShareListingFunction { ListingId = listingId }, manifest["ComputeMarket"])).Listing;

    /// <summary>ERC-20 balance of a payment token (by manifest name) or of any address.</summary>
    public Task<BigInteger> TokenBalanceAsync(string token, string account) =>
        QueryAsync<TokenBalanceOfFunction, BigInteger>(token, new TokenBalanceOfFunction { Account = account });

    public Task<BigInteger> SharesAsync(BigInteger vid, string account) =>
        QueryAsync<RevenueSharesOfFunction, BigInteger>("RevenueRights", new RevenueSharesOfFunction { Account = account, Vid = vid });

    public Task<BigInteger> ShareSupplyAsync(BigInteger vid) =>
        QueryAsync<RevenueSupplyFunction, BigInteger>("RevenueRights", new RevenueSupplyFunction { Vid = vid });

    public Task<BigInteger> ClaimableAsync(BigInteger vid, string token, string account) =>
        QueryAsync<ClaimableFunction, BigInteger>("RevenueRights", new ClaimableFunction { Vid = vid, Token = manifest[token], Account = account });

    public Task<BigInteger> MinStakeAsync(uint computeType) =>
        QueryAsync<MinStakeFunction, BigInteger>("PowerParams", new MinStakeFunction { ComputeType = computeType });

    private Task<TResult> QueryAsync<TFunction, TResult>(string contract, TFunction call)
        where TFunction : FunctionMessage, new() =>
        web3.Eth.GetContractQueryHandler<TFunction>().QueryAsync<TResult>(contract.StartsWith("0x", StringComparison.Ordinal) ? contract : manifest[contract], call);

    [Function("userOf", "address")]
    private sealed class UserOfFunction : FunctionMessage
    {
        [Parameter("uint256", "tokenId", 1)]
        public BigInteger TokenId { get; set; }
    }
}
