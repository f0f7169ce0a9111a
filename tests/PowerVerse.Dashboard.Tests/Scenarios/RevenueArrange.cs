using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Contracts;
using PowerVerse.Dashboard.Tests.Stack;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Dashboard.Tests.Scenarios;

/// <summary>
/// What the proof, revenue-right and read-screen scenarios arrange outside their own UI actions, with the Workflows
/// tests' helpers (signed writes through the API, the wallet's own transactions, the chain's clock), and the chain's
/// and API's figures the screens are checked against.
/// </summary>
internal sealed class RevenueArrange
{
    public const string Tusd = "TestStablecoin";

    private readonly DashboardStack _stack;

    public RevenueArrange(DashboardStack stack, ITestOutputHelper output)
    {
        _stack = stack;
        Writes = new WriteRunner(stack, output);
        Steps = new MarketSteps(stack, Writes);
    }

    public WriteRunner Writes { get; }

    public MarketSteps Steps { get; }

    public ChainViews Chain => Steps.Chain;

    public string Token(string name) => _stack.Manifest[name];

    /// <summary>Hardhat account <paramref name="number"/> as the Workflows tests hold it (its API writes and wallet transactions).</summary>
    public Workflows.Tests.Support.Wallet Account(int number) => new(_stack, number);

    /// <summary>
    /// Scenario 1 up to the sale through the API: the provider's new GPU, a resource, a UID of <paramref name="duration"/>
    /// seconds listed for 120 tUSD (its RID minted whole to the provider) and bought, with its first proof.
    /// </summary>
    public async Task<(BigInteger Vid, BigInteger Uid)> RentedAsync(Workflows.Tests.Support.Wallet provider, Workflows.Tests.Support.Wallet buyer, uint duration)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var weight = await RevenueWeightAsync(MarketSteps.GpuComputeType);
        var (_, vid, uid) = await Steps.RentedResourceAsync(provider, buyer, [(provider.Address, weight)], duration);
        return (vid, uid);
    }

    public Task<BigInteger> RevenueWeightAsync(uint computeType) =>
        Query<RevenueWeightFunction, BigInteger>("PowerParams", new RevenueWeightFunction { ComputeType = computeType });

    public async Task<ChallengeInfo> ChallengeAsync(BigInteger challengeId) =>
        (await _stack.Web3.Eth.GetContractQueryHandler<ChallengeOfFunction>()
            .QueryDeserializingToObjectAsync<ChallengeOutput>(new ChallengeOfFunction { ChallengeId = challengeId }, _stack.Manifest["ProofOfCompute"])).Challenge;

    /// <summary><c>ProofOfCompute.lastRequestOf(vid, requester)</c>: the last challenge the requester asked for.</summary>
    public Task<BigInteger> LastRequestAsync(BigInteger vid, string requester) =>
        Query<LastRequestOfFunction, BigInteger>("ProofOfCompute", new LastRequestOfFunction { Vid = vid, Requester = requester });

    /// <summary>What the market may spend of <paramref name="owner"/>'s token.</summary>
    public Task<BigInteger> AllowanceAsync(string token, string owner) =>
        Query<AllowanceFunction, BigInteger>(token, new AllowanceFunction { Owner = owner, Spender = _stack.Manifest["ComputeMarket"] });

    public async Task<BigInteger> EtherAsync(string account) =>
        (await _stack.Web3.Eth.GetBalance.SendRequestAsync(account, BlockParameter.CreateLatest())).Value;

    /// <summary>An API read (<c>/api/…</c>) that must succeed.</summary>
    public async Task<JsonElement> ApiAsync(string route) =>
        (await _stack.Api.GetAsync("/api/" + route)).Json;

    /// <summary>The API's share listings of the VID by <paramref name="seller"/> (ids), newest last.</summary>
    public async Task<IReadOnlyList<BigInteger>> ShareListingsAsync(BigInteger vid, string seller) =>
        [.. (await ApiAsync($"market/revenue-rights?vid={vid}")).GetProperty("items").EnumerateArray()
            .Where(l => ApiJson.SameAddress(l.Text("seller"), seller)).Select(l => l.Number("listingId")).Order()];

    /// <summary>
    /// Waits until the API's read model has the holder's income row of the VID (indexed from the settlement's deposit;
    /// /revenue lists the rows it has) and returns what the chain says is claimable now.
    /// </summary>
    public async Task<BigInteger> IndexedClaimableAsync(BigInteger vid, string holder)
    {
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(60); await Task.Delay(500))
        {
            if ((await ApiAsync($"accounts/{holder}")).Revenue(vid, Token(Tusd)) is not null)
            {
                return await Chain.ClaimableAsync(vid, Tusd, holder);
            }
        }

        throw new Xunit.Sdk.XunitException($"The API shows no income of {holder} on VID {vid}.\n{_stack.Logs()}");
    }

    /// <summary>
    /// The chain's clock moved past the rental's end, the escrow settled by the platform's settlement timer (as on the
    /// stack; the UI steps before may already have outlasted the rental, so a direct settle could find it settled), then
    /// the clock moved on by the rental's duration so its whole income is released to the RID holders.
    /// </summary>
    public async Task SettleAndReleaseAsync(BigInteger uid)
    {
        var order = await Chain.OrderAsync(uid);
        var now = (await _stack.Clock.NowAsync()).ToUnixTimeSeconds();
        if (now <= (long)order.End)
        {
            await _stack.Clock.AdvanceAsync((long)order.End - now + 1);
        }

        for (var clock = System.Diagnostics.Stopwatch.StartNew(); (await Chain.OrderAsync(uid)).State != MarketOrder.Settled; await Task.Delay(1_000))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new Xunit.Sdk.XunitException($"The settlement timer did not settle UID {uid} within 90 s.\n{_stack.Logs()}");
            }
        }

        await _stack.Clock.AdvanceAsync((long)(order.End - order.Start) + 1);
    }

    /// <summary>A view of a contract (by manifest name, or an address).</summary>
    public Task<TResult> Query<TFunction, TResult>(string contract, TFunction call)
        where TFunction : FunctionMessage, new() =>
        _stack.Web3.Eth.GetContractQueryHandler<TFunction>().QueryAsync<TResult>(contract.StartsWith("0x", StringComparison.Ordinal) ? contract : _stack.Manifest[contract], call);

    /// <summary>"0.05" tUSD → 50000: a price typed in whole units, in the token's smallest unit (tUSD has 6 decimals).</summary>
    public static BigInteger Usd(decimal whole) => new(whole * 1_000_000m);

    public static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
