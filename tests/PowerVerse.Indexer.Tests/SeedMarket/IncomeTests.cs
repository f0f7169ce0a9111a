using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.DependencyInjection;
using PowerVerse.Chain.Contracts;
using PowerVerse.Functions.ReadModel.Queries;

namespace PowerVerse.Indexer.Tests.SeedMarket;

/// <summary>Balances, rental income, proofs and dividends as the read model shows them and the contracts hold them.</summary>
[Collection(SeedMarketGroup.Name)]
public sealed class IncomeTests(SeedMarketFixture f)
{
    private readonly AssetQueries _assets = f.Services.GetRequiredService<AssetQueries>();
    private readonly ProofQueries _proofs = f.Services.GetRequiredService<ProofQueries>();

    [Fact]
    public async Task Balances_AreEachParticipantsTokenBalances()
    {
        foreach (var party in f.Accounts.Participants)
        {
            var balances = (await _assets.AccountAsync(party.Address, CancellationToken.None)).Balances;
            var expected = new List<string>();
            foreach (var token in new[] { "PowerVerseCoin", "TestStablecoin" })
            {
                var balance = await f.Chain.TokenBalanceAsync(token, party.Address);
                if (!balance.IsZero)
                {
                    expected.Add($"{Lower(f.Accounts[token])}:{balance}");
                }
            }

            Assert.Equal(expected.Order(StringComparer.Ordinal), balances.Select(b => $"{Lower(b.Token)}:{b.Balance}").Order(StringComparer.Ordinal));
        }

        var symbols = (await _assets.AccountAsync(f.Accounts.Trader.Address, CancellationToken.None)).Balances.Select(b => b.Symbol).Order(StringComparer.Ordinal);
        Assert.Equal(["PVC", "tUSD"], symbols);
    }

    [Fact]
    public async Task Income_IsWhatEachHolderCanClaimAndHasClaimed()
    {
        var (vid, token) = (f.Scenario.Vids[0], f.Accounts["TestStablecoin"]);
        foreach (var party in new[] { f.Accounts.Provider, f.Accounts.Investor, f.Accounts.Trader })
        {
            var revenue = Assert.Single((await _assets.AccountAsync(party.Address, CancellationToken.None)).Revenues, r => r.Vid == vid.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(Lower(token), Lower(revenue.Token));
            Assert.Equal((await f.Chain.RevenueSharesAsync(party.Address, vid)).ToString(CultureInfo.InvariantCulture), revenue.Shares);
            Assert.Equal((await f.Chain.ClaimableAsync(vid, token, party.Address)).ToString(CultureInfo.InvariantCulture), revenue.Claimable);
        }

        // Income of 120 tUSD less the 4 % fee (5 % with tUSD's 20 % discount): the provider claimed its 700 of 1000 shares.
        var provider = Assert.Single((await _assets.AccountAsync(f.Accounts.Provider.Address, CancellationToken.None)).Revenues);
        Assert.Equal((115_200_000L * 700 / 1_000).ToString(CultureInfo.InvariantCulture), provider.Claimed);
        Assert.Equal("0", provider.Claimable);
        var investor = Assert.Single((await _assets.AccountAsync(f.Accounts.Investor.Address, CancellationToken.None)).Revenues);
        Assert.NotEqual("0", investor.Claimable);
    }

    [Fact]
    public async Task Proofs_AreTheChallengesOutcomes_AndRankTheResource()
    {
        var (expired, lapsed) = (f.Scenario.Challenges[0], f.Scenario.Challenges[1]);
        var first = (await _proofs.ProofAsync(expired, CancellationToken.None))!;
        var second = (await _proofs.ProofAsync(lapsed, CancellationToken.None))!;
        var chain = await f.Chain.ChallengeAsync(expired);

        Assert.Equal((ChallengeInfo.Expired, "expired"), (chain.Status, first.Status));
        Assert.Equal(((await f.Chain.ChallengeAsync(lapsed)).Status, "lapsed"), (ChallengeInfo.Lapsed, second.Status));
        Assert.Equal((Lower(chain.Agent), Lower(chain.Requester), (long)chain.Deadline, (int)chain.Difficulty, (int)chain.Shares),
            (Lower(first.Agent!), Lower(first.Requester), first.Deadline, first.Difficulty, first.Shares));
        Assert.Equal(Lower(f.Accounts.Buyer.Address), Lower(first.Requester));
        var rank = (await _proofs.RankAsync(f.Scenario.Vids[0], CancellationToken.None))!;
        Assert.Equal((0, 1, "0"), (rank.Rank.Verified, rank.Rank.Missed, rank.Rank.Score));
    }

    [Fact]
    public async Task Dividend_IsTheDistributorsEpoch_AndTheLeafIsClaimed()
    {
        var epoch = await f.Chain.EpochAsync(f.Scenario.Epoch);
        var view = (await _proofs.DividendAsync(f.Scenario.Epoch, f.Accounts.Buyer.Address, CancellationToken.None))!;
        var claimed = await f.Chain.ValueAsync<IsDividendClaimedFunction, bool>(f.Accounts["DividendDistributor"], new() { Epoch = f.Scenario.Epoch, Account = f.Accounts.Buyer.Address });

        Assert.Equal((Nethereum.Hex.HexConvertors.Extensions.HexByteConvertorExtensions.ToHex(epoch.Root, true), Lower(epoch.Token), (long)epoch.Period, true, (long)epoch.ClaimDeadline, epoch.Reclaimed),
            (view.Root, Lower(view.Token), view.Period, view.Funded, view.ClaimDeadline, view.Reclaimed));
        Assert.True(claimed);
        Assert.Equal((true, f.Scenario.Dividend.ToString(CultureInfo.InvariantCulture)), (view.Claimed, view.Amount));
        Assert.NotEqual(BigInteger.Zero, epoch.Total);
    }

    private static string Lower(string address) => address.ToLowerInvariant();
}
