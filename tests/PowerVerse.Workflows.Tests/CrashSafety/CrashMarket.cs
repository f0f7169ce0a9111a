using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Events;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.CrashSafety;

/// <summary>
/// What the crash cases buy and claim, set up with the parties' own transactions (no workflow, so quickly): one staked
/// HID of the stack's agent with a listed UID on a VID of its own per purchase case; a settled, released income per
/// claim case, all of it the holder's; and a second HID whose agent is not running yet, for the case killed while its
/// purchase waits for the agent.
/// </summary>
public sealed class CrashMarket : IAsyncDisposable
{
    public const int ProviderAccount = 4;
    public const int BuyerAccount = 5;
    public const int HolderAccount = 6;
    private const int RenterAccount = 7;
    private const int AnyoneAccount = 9;
    private const uint PurchaseDuration = 7_200;
    private const uint ClaimRentalDuration = 60;

    /// <summary>What each purchase case pays, in tUSD (6 decimals).</summary>
    public static readonly BigInteger Price = 10 * MarketSteps.Usd;

    private static readonly BigInteger ClaimRentalPrice = 20 * MarketSteps.Usd;

    private readonly string _folder = Directory.CreateTempSubdirectory("pv-crash-agent-").FullName;
    private readonly Dictionary<string, BigInteger> _purchases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BigInteger> _claims = new(StringComparer.Ordinal);

    private CrashMarket()
    {
    }

    /// <summary>The UID of <see cref="IdleAgent"/>'s HID that the awaiting-agent case buys.</summary>
    public BigInteger IdleAgentUid { get; private set; }

    /// <summary>A real gpu-agent, initialised but not running: a grant waits in its queue until the case runs it.</summary>
    public GpuAgentProcess IdleAgent { get; private set; } = null!;

    /// <summary>The listed UID a purchase case (<c>Activity:point</c>) buys at <see cref="Price"/>.</summary>
    public BigInteger PurchaseUid(string killAt) => _purchases[killAt];

    /// <summary>The VID whose released tUSD income a claim case (<c>Activity:point</c>) claims, all of it the holder's.</summary>
    public BigInteger ClaimVid(string killAt) => _claims[killAt];

    public static async Task<CrashMarket> PrepareAsync(CrashSafetyFixture stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var market = new CrashMarket();
        var provider = new Wallet(stack, ProviderAccount);
        var tusd = stack.Manifest["TestStablecoin"];
        var hid = await RegisterStakedAsync(stack, provider, stack.Agent);
        foreach (var killAt in CrashCases.PurchaseBoundaries)
        {
            market._purchases[killAt] = await ListedUidAsync(provider, hid, PurchaseDuration, tusd, Price, provider.Address);
        }

        // Rented and ended, settled after the dispute window, then released in full: each VID's income is claimable.
        var holder = new Wallet(stack, HolderAccount).Address;
        var renter = new Wallet(stack, RenterAccount);
        var rented = new List<BigInteger>();
        await renter.ApproveMarketAsync("TestStablecoin", ClaimRentalPrice * CrashCases.ClaimBoundaries.Count);
        foreach (var killAt in CrashCases.ClaimBoundaries)
        {
            var uid = await ListedUidAsync(provider, hid, ClaimRentalDuration, tusd, ClaimRentalPrice, holder);
            await renter.SendAsync("ComputeMarket", new BuyFunction { Uid = uid, Token = tusd, Price = ClaimRentalPrice });
            market._claims[killAt] = (await new ChainViews(stack.Web3, stack.Manifest).UsageRightAsync(uid)).Vid;
            rented.Add(uid);
        }

        await SettleAndReleaseAsync(stack, rented, new Wallet(stack, AnyoneAccount));

        market.IdleAgent = await GpuAgentProcess.InitAsync(Path.Combine(market._folder, "agent"));
        var idleHid = await RegisterStakedAsync(stack, provider, market.IdleAgent);
        market.IdleAgentUid = await ListedUidAsync(provider, idleHid, PurchaseDuration, tusd, Price, provider.Address);
        return market;
    }

    public async ValueTask DisposeAsync()
    {
        if (IdleAgent is not null)
        {
            await IdleAgent.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<BigInteger> RegisterStakedAsync(CrashSafetyFixture stack, Wallet provider, GpuAgentProcess agent)
    {
        var device = await agent.AttestAsync(provider.Address, $"GPU-{Guid.NewGuid()}", stack.Manifest["HardwareRegistry"]);
        var registered = await provider.SendAsync("HardwareRegistry", new RegisterHardwareFunction
        {
            GpuModel = MarketSteps.H200, DeviceHash = device.DeviceHash, Agent = device.Agent, Vcpus = 32, MemoryMiB = 131_072, Attestation = device.Attestation,
        });
        var hid = Event(registered, "HardwareRegistered").Number("hid");
        await provider.StakeAsync(hid, await new ChainViews(stack.Web3, stack.Manifest).MinStakeAsync(MarketSteps.GpuComputeType));
        return hid;
    }

    /// <summary>A VID of its own (a twentieth of the GPU), a UID on it, listed first with all its RID to <paramref name="beneficiary"/>.</summary>
    private static async Task<BigInteger> ListedUidAsync(Wallet provider, BigInteger hid, uint duration, string token, BigInteger price, string beneficiary)
    {
        var created = await provider.SendAsync("ResourceRegistry", new CreateResourceFunction { Hid = hid, GpuShareBps = 500, Vcpus = 1, MemoryMiB = 1_024, DiskGiB = 10 });
        var vid = Event(created, "ResourceCreated").Number("vid");
        var issued = await provider.SendAsync("UsageRights", new CreateUsageRightFunction { Vid = vid, Duration = duration });
        var uid = Event(issued, "UsageRightCreated").Number("uid");
        await provider.SendAsync("ComputeMarket", new ListWithRevenueRightsFunction
        {
            Uid = uid, Token = token, Price = price, Beneficiaries = [beneficiary], Shares = [1_000],
        });
        return uid;
    }

    /// <summary>Past every rental's end and the dispute window, settled by anyone, then on by a rental's duration.</summary>
    private static async Task SettleAndReleaseAsync(CrashSafetyFixture stack, IReadOnlyList<BigInteger> uids, Wallet anyone)
    {
        var chain = new ChainViews(stack.Web3, stack.Manifest);
        ulong end = 0;
        foreach (var uid in uids)
        {
            end = Math.Max(end, (await chain.OrderAsync(uid)).End);
        }

        var window = await stack.Web3.Eth.GetContractQueryHandler<DisputeWindowFunction>().QueryAsync<uint>(stack.Manifest["PowerParams"], new DisputeWindowFunction());
        var now = (ulong)(await stack.Clock.NowAsync()).ToUnixTimeSeconds();
        await stack.Clock.AdvanceAsync((long)(end - Math.Min(end, now)) + window + 1);
        foreach (var uid in uids)
        {
            await anyone.SettleAsync(uid);
        }

        await stack.Clock.AdvanceAsync(ClaimRentalDuration + 1);
    }

    private static DecodedEvent Event(TransactionReceipt receipt, string name) =>
        receipt.Logs.Select(EventRegistry.Contracts.Decode).OfType<DecodedEvent>().Single(e => e.Name == name);

    [Function("disputeWindow", "uint32")]
    private sealed class DisputeWindowFunction : FunctionMessage;
}
