using System.Numerics;
using Nethereum.Util;
using PowerVerse.Chain.Contracts;

namespace PowerVerse.Indexer.Tests.SeedMarket;

/// <summary>Seed 000 after the first rental: proofs judged, settlement, income, scenario 2, dividends.</summary>
internal sealed partial class SeedScenario
{
    /// <summary>The rental and the open challenge's deadline are over.</summary>
    private async Task ProveAndSettleAsync()
    {
        await a.Challenger.SendAsync(a["ProofOfCompute"], new ExpireChallengeFunction { ChallengeId = Challenges[0] });
        await a.Challenger.SendAsync(a["ProviderStaking"], new SlashFunction { Hid = Hid, ChallengeId = Challenges[0] });

        // Within the dispute window only the challenger may settle; the income streams to the RID holders over an hour.
        await a.Challenger.SendAsync(a["ComputeMarket"], new SettleFunction { Uid = Uids[0] });
    }

    /// <summary>The income has streamed in whole.</summary>
    private async Task AfterIncomeAsync()
    {
        await a.Provider.SendAsync(a["RevenueRights"], new ClaimIncomeFunction { Vid = Vids[0], Token = a["TestStablecoin"] });
        await a.Trader.SendAsync(a["ComputeMarket"], new BuySharesFunction { ListingId = ShareListings[0], Amount = 50, Token = a["TestStablecoin"], UnitPrice = BigInteger.Pow(10, 6) });

        ShareListings.Add((await a.Investor.SendAsync(a["ComputeMarket"], new ListSharesFunction { Vid = Vids[0], Amount = 50, Token = a["PowerVerseCoin"], UnitPrice = 2 * Pvc }, "SharesListed")).Number("listingId"));
        await a.Investor.SendAsync(a["ComputeMarket"], new CancelShareListingFunction { ListingId = ShareListings[1] });

        // Scenario 2: the rented VID is free again; its provider issues a new UID and lists it (its RID exist already).
        Uids.Add((await a.Provider.SendAsync(a["UsageRights"], new CreateUsageRightFunction { Vid = Vids[0], Duration = 3_600 }, "UsageRightCreated")).Number("uid"));
        await a.Provider.SendAsync(a["ComputeMarket"], new ListFunction { Uid = Uids[3], Token = a["PowerVerseCoin"], Price = 80 * Pvc });

        // The provider asks for a proof nobody dispatches: it lapses.
        Challenges.Add((await a.Provider.SendAsync(a["ProofOfCompute"], new RequestChallengeFunction { Vid = Vids[1] }, "ChallengeRequested")).Number("challengeId"));
        await clock.AdvanceAsync(601);
        await a.Provider.SendAsync(a["ProofOfCompute"], new ExpireChallengeFunction { ChallengeId = Challenges[1] });

        await DividendAsync();
    }

    /// <summary>A one-leaf epoch: the root is the leaf keccak256(abi.encodePacked(account, amount)), the proof empty.</summary>
    private async Task DividendAsync()
    {
        var leaf = Sha3Keccack.Current.CalculateHash(new Nethereum.ABI.ABIEncode().GetABIEncodedPacked(
            new Nethereum.ABI.ABIValue("address", a.Buyer.Address), new Nethereum.ABI.ABIValue("uint256", Dividend)));
        Epoch = (await a.Settler.SendAsync(a["DividendDistributor"], new PostEpochFunction { Period = 202_601, Root = leaf, Token = a["PowerVerseCoin"], Total = Dividend }, "EpochPosted")).Number("epoch");
        await a.Settler.SendAsync(a["PowerVerseCoin"], new ApproveFunction { Spender = a["DividendDistributor"], Value = Dividend });
        await a.Settler.SendAsync(a["DividendDistributor"], new FundEpochFunction { Epoch = Epoch });
        await a.Buyer.SendAsync(a["DividendDistributor"], new ClaimDividendFunction { Epoch = Epoch, Account = a.Buyer.Address, Amount = Dividend });
    }
}
