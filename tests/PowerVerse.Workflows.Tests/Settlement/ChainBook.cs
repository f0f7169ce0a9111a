using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Events;
using PowerVerse.Workflows.Tests.CrashSafety;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Settlement;

/// <summary>
/// What the settlement tests read back from the chain, independently of the app: the finished proofs (from
/// ProofOfCompute's events, issue times from its challenges), the market's refunds and settlements (its events), and
/// per token the balances the money moves between, the token's supply and the market's own totals.
/// </summary>
internal sealed class ChainBook(LocalStack stack)
{
    private readonly ChainLedger _events = new(stack);

    public ChainViews Views { get; } = new(stack.Web3, stack.Manifest);

    /// <summary>Every verified or expired challenge on chain.</summary>
    public async Task<IReadOnlyList<ChainProof>> ProofsAsync()
    {
        var finished = (await _events.EventsAsync("ProofOfCompute", "ChallengeExpired")).Select(e => (e, Missed: true))
            .Concat((await _events.EventsAsync("ProofOfCompute", "ProofVerified")).Select(e => (e, Missed: false)));
        var proofs = new List<ChainProof>();
        foreach (var (e, missed) in finished)
        {
            var id = e.Number("challengeId");
            var challenge = await ChallengeAsync(id);
            proofs.Add(new ChainProof(id, e.Number("vid"), (long)challenge.IssuedAt, missed));
        }

        return proofs;
    }

    public async Task<ChallengeInfo> ChallengeAsync(BigInteger challengeId) =>
        (await stack.Web3.Eth.GetContractQueryHandler<ChallengeOfFunction>().QueryDeserializingToObjectAsync<ChallengeOutput>(
            new ChallengeOfFunction { ChallengeId = challengeId }, stack.Manifest["ProofOfCompute"])).Challenge;

    /// <summary>The market's events of one name (Refunded, Settled), by UID.</summary>
    public async Task<ILookup<BigInteger, DecodedEvent>> MarketEventsAsync(string name) =>
        (await _events.EventsAsync("ComputeMarket", name)).ToLookup(e => e.Number("uid"));

    public async Task<TokenSnapshot> SnapshotAsync(string token, IEnumerable<string> buyers)
    {
        var address = stack.Manifest[token];
        var treasury = await QueryAsync<TreasuryFunction, string>("PowerParams", new TreasuryFunction());
        BigInteger paidByBuyers = 0;
        foreach (var buyer in buyers.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            paidByBuyers += await Views.TokenBalanceAsync(token, buyer);
        }

        var totals = await stack.Web3.Eth.GetContractQueryHandler<TotalsFunction>().QueryDeserializingToObjectAsync<TotalsOutput>(
            new TotalsFunction { Token = address }, stack.Manifest["ComputeMarket"]);
        return new TokenSnapshot(
            paidByBuyers, await Views.TokenBalanceAsync(token, treasury), await Views.TokenBalanceAsync(token, stack.Manifest["RevenueRights"]),
            await Views.TokenBalanceAsync(token, stack.Manifest["ComputeMarket"]), await QueryAsync<TotalSupplyFunction, BigInteger>(token, new TotalSupplyFunction()),
            totals.PaidIn, totals.PaidOut, totals.Refunded);
    }

    private Task<TResult> QueryAsync<TFunction, TResult>(string contract, TFunction call)
        where TFunction : FunctionMessage, new() =>
        stack.Web3.Eth.GetContractQueryHandler<TFunction>().QueryAsync<TResult>(stack.Manifest[contract], call);

    [Function("treasury", "address")]
    private sealed class TreasuryFunction : FunctionMessage;

    [Function("totalSupply", "uint256")]
    private sealed class TotalSupplyFunction : FunctionMessage;

    [Function("totals", typeof(TotalsOutput))]
    private sealed class TotalsFunction : FunctionMessage
    {
        [Parameter("address", "token", 1)]
        public string Token { get; set; } = string.Empty;
    }

    [FunctionOutput]
    private sealed class TotalsOutput : IFunctionOutputDTO
    {
        [Parameter("uint256", "paidIn", 1)]
        public BigInteger PaidIn { get; set; }

        [Parameter("uint256", "paidOut", 2)]
        public BigInteger PaidOut { get; set; }

        [Parameter("uint256", "refunded", 3)]
        public BigInteger Refunded { get; set; }

        [Parameter("uint256", "escrowed", 4)]
        public BigInteger Escrowed { get; set; }
    }
}

/// <summary>
/// One token's money at a moment: the buyers' balances together, the treasury's, RevenueRights' (RID holders' income,
/// claimable or streaming), the market's (escrow), the token's total supply (PVC burns), and the market's own totals.
/// </summary>
internal sealed record TokenSnapshot(
    BigInteger Buyers, BigInteger Treasury, BigInteger Revenue, BigInteger Market, BigInteger Supply, BigInteger PaidIn, BigInteger PaidOut, BigInteger Refunded);
