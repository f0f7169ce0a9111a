using System.Numerics;
using Nethereum.Util;
using PowerVerse.Chain.Contracts;
using PowerVerse.Testing;

namespace PowerVerse.Indexer.Tests.SeedMarket;

/// <summary>
/// Seed 000's actions, sent directly with Nethereum by the accounts that take them: a provider registers an attested
/// H200, stakes, carves three resources and issues a usage right on each; first listings mint RID (one to two
/// beneficiaries); one UID is unlisted and retired (its VID is left free), one moves to another account (its listing
/// lapses), one is bought; RID shares are listed, partly bought and a second listing cancelled; proofs are requested,
/// one expires and slashes, one lapses; the rental ends, is settled and its income streams to the RID holders, one
/// claims; the expired VID gets a new UID that is listed again (scenario 2); a dividend epoch is posted, funded, claimed.
/// </summary>
internal sealed partial class SeedScenario(SeedAccounts a, ChainClock clock)
{
    private static readonly BigInteger Pvc = BigInteger.Pow(10, 18);
    private static readonly BigInteger Usd = BigInteger.Pow(10, 6);

    public BigInteger Hid { get; private set; }

    public IReadOnlyList<BigInteger> Vids { get; private set; } = [];

    public List<BigInteger> Uids { get; } = [];

    public List<BigInteger> ShareListings { get; } = [];

    public List<BigInteger> Challenges { get; } = [];

    public BigInteger Epoch { get; private set; }

    public BigInteger Dividend { get; } = 1_000 * Pvc;

    public async Task RunAsync()
    {
        await ProvideAsync();
        await TradeAsync();
        await clock.AdvanceAsync(3_601);
        await ProveAndSettleAsync();
        await clock.AdvanceAsync(3_601);
        await AfterIncomeAsync();
    }

    /// <summary>Scenario 1, the provider's side: hardware, stake, resources, usage rights, first listings.</summary>
    private async Task ProvideAsync()
    {
        var p = a.Provider;
        var deviceHash = Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes("GPU-00000000-seed-000-test-device"));
        Hid = (await p.SendAsync(a["HardwareRegistry"], new RegisterHardwareFunction
        {
            GpuModel = 6, DeviceHash = deviceHash, Agent = a.Agent.GetPublicAddress(), Vcpus = 32, MemoryMiB = 131_072,
            Attestation = DeviceAttestation.Sign(a.Agent, 31337, a["HardwareRegistry"], deviceHash, p.Address),
        }, "HardwareRegistered")).Number("hid");

        // Twice the minimum, so one slash (10 %) leaves the HID staked and listable.
        var stake = 2 * 1_000 * Pvc;
        await p.SendAsync(a["PowerVerseCoin"], new ApproveFunction { Spender = a["ProviderStaking"], Value = stake });
        await p.SendAsync(a["ProviderStaking"], new StakeFunction { Hid = Hid, Amount = stake });

        var vids = new List<BigInteger>();
        foreach (var (share, cpus, memory, disk) in new (ushort Share, ushort Cpus, uint Memory, uint Disk)[] { (5_000, 16, 65_536, 500), (2_500, 8, 32_768, 250), (2_500, 8, 32_768, 250) })
        {
            vids.Add((await p.SendAsync(a["ResourceRegistry"], new CreateResourceFunction { Hid = Hid, GpuShareBps = share, Vcpus = cpus, MemoryMiB = memory, DiskGiB = disk }, "ResourceCreated")).Number("vid"));
        }

        Vids = vids;
        foreach (var (vid, duration) in new[] { (vids[0], 3_600u), (vids[1], 7 * 86_400u), (vids[2], 3_600u) })
        {
            Uids.Add((await p.SendAsync(a["UsageRights"], new CreateUsageRightFunction { Vid = vid, Duration = duration }, "UsageRightCreated")).Number("uid"));
        }

        await ListFirstAsync(Uids[0], "TestStablecoin", 120 * Usd, [(p.Address, 700), (a.Investor.Address, 300)]);
        await ListFirstAsync(Uids[1], "PowerVerseCoin", 95 * Pvc, [(p.Address, 1_000)]);
        await ListFirstAsync(Uids[2], "TestStablecoin", 50 * Usd, [(p.Address, 1_000)]);

        // The third UID goes back off the market and is retired: its VID is free again.
        await p.SendAsync(a["ComputeMarket"], new UnlistFunction { Uid = Uids[2] });
        await p.SendAsync(a["UsageRights"], new RetireFunction { Id = Uids[2] });
    }

    private Task<IReadOnlyList<PowerVerse.Chain.Events.DecodedEvent>> ListFirstAsync(BigInteger uid, string token, BigInteger price, (string Account, int Shares)[] beneficiaries) =>
        a.Provider.SendAsync(a["ComputeMarket"], new ListWithRevenueRightsFunction
        {
            Uid = uid, Token = a[token], Price = price,
            Beneficiaries = beneficiaries.Select(b => b.Account).ToList(), Shares = beneficiaries.Select(b => new BigInteger(b.Shares)).ToList(),
        });

    /// <summary>Buying a UID, proving it, RID shares on the market, a listed UID moving away.</summary>
    private async Task TradeAsync()
    {
        await a.Buyer.SendAsync(a["TestStablecoin"], new ApproveFunction { Spender = a["ComputeMarket"], Value = 120 * Usd });
        await a.Buyer.SendAsync(a["ComputeMarket"], new BuyFunction { Uid = Uids[0], Token = a["TestStablecoin"], Price = 120 * Usd });

        // The buyer asks for a proof; the challenger dispatches it and the agent never answers.
        Challenges.Add((await a.Buyer.SendAsync(a["ProofOfCompute"], new RequestChallengeFunction { Vid = Vids[0] }, "ChallengeRequested")).Number("challengeId"));
        await a.Challenger.SendAsync(a["ProofOfCompute"], new DispatchChallengeFunction { ChallengeId = Challenges[0], SaltHash = Sha3Keccack.Current.CalculateHash(new byte[32]) });

        ShareListings.Add((await a.Investor.SendAsync(a["ComputeMarket"], new ListSharesFunction { Vid = Vids[0], Amount = 200, Token = a["TestStablecoin"], UnitPrice = Usd }, "SharesListed")).Number("listingId"));
        await a.Trader.SendAsync(a["TestStablecoin"], new ApproveFunction { Spender = a["ComputeMarket"], Value = 1_000 * Usd });
        await a.Trader.SendAsync(a["ComputeMarket"], new BuySharesFunction { ListingId = ShareListings[0], Amount = 50, Token = a["TestStablecoin"], UnitPrice = Usd });

        // A listed UID that changes hands leaves the market (the contract drops its listing).
        await a.Provider.SendAsync(a["UsageRights"], new TransferTokenFunction { From = a.Provider.Address, To = a.Investor.Address, TokenId = Uids[1] });
    }
}
