using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using PowerVerse.Client.Api;

namespace PowerVerse.Workflows.Tests.Support;

/// <summary>
/// Seed 000's recurring steps through the write API (and the wallet where the API has no route), for scenarios that
/// start where scenario 1 left off; scenario 1 itself takes them one by one with every assertion.
/// </summary>
public sealed class MarketSteps(LocalStack stack, WriteRunner writes)
{
    public const uint GpuComputeType = 1;
    public const uint H200 = 6;

    /// <summary>tUSD has 6 decimals, as USDC does.</summary>
    public static readonly BigInteger Usd = BigInteger.Pow(10, 6);

    public ChainViews Chain { get; } = new(stack.Web3, stack.Manifest);

    public string Token(string name) => stack.Manifest[name];

    /// <summary>The agent attests a new device for the provider, who registers it through the API and stakes its minimum.</summary>
    public async Task<BigInteger> RegisterStakedHardwareAsync(Wallet provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var device = await stack.Agent.AttestAsync(provider.Address, $"GPU-{Guid.NewGuid()}", stack.Manifest["HardwareRegistry"]);
        var registered = await writes.CompleteAsync(await provider.Writes.RegisterHardwareAsync(H200, device.DeviceHash, device.Agent, 32, 131_072, device.Attestation));
        var hid = BigInteger.Parse(registered.Argument("hid"), System.Globalization.CultureInfo.InvariantCulture);
        await provider.StakeAsync(hid, await Chain.MinStakeAsync(GpuComputeType));
        return hid;
    }

    public async Task<BigInteger> CreateResourceAsync(Wallet provider, BigInteger hid, ushort gpuShareBps = 5_000) =>
        Id(await writes.CompleteAsync(await provider.Writes.CreateResourceAsync(hid, gpuShareBps, 16, 65_536, 500)), "vid");

    public async Task<BigInteger> CreateUsageRightAsync(Wallet provider, BigInteger vid, uint durationSeconds) =>
        Id(await writes.CompleteAsync(await provider.Writes.CreateUsageRightAsync(vid, durationSeconds)), "uid");

    /// <summary>The buyer approves the market in its wallet, then buys through the API.</summary>
    public async Task<WorkflowOutput> BuyAsync(Wallet buyer, BigInteger uid, string token, BigInteger price)
    {
        ArgumentNullException.ThrowIfNull(buyer);
        await buyer.ApproveMarketAsync(token, price);
        return await writes.CompleteAsync(await buyer.Writes.BuyAsync(uid, Token(token), price, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPowerVerseWorkflowTestsKey pv@test"));
    }

    /// <summary>
    /// Scenario 1 up to the sale: hardware registered and staked, a resource, a usage right of <paramref name="duration"/>
    /// seconds listed for 120 tUSD with its RID minted to <paramref name="beneficiaries"/>, and bought.
    /// </summary>
    public async Task<(BigInteger Hid, BigInteger Vid, BigInteger Uid)> RentedResourceAsync(
        Wallet provider, Wallet buyer, IReadOnlyList<(string Account, BigInteger Shares)> beneficiaries, uint duration)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var hid = await RegisterStakedHardwareAsync(provider);
        var vid = await CreateResourceAsync(provider, hid);
        var uid = await CreateUsageRightAsync(provider, vid, duration);
        await writes.CompleteAsync(await provider.Writes.ListWithRevenueRightsAsync(uid, Token("TestStablecoin"), 120 * Usd, beneficiaries));
        await BuyAsync(buyer, uid, "TestStablecoin", 120 * Usd);
        return (hid, vid, uid);
    }

    /// <summary>
    /// Moves the chain past the rental's end and the dispute window, settles it from <paramref name="anyone"/> (what the
    /// settlement timer will do), and moves it on by the rental's duration so all its income is released to the RID holders.
    /// </summary>
    public async Task SettleAndReleaseAsync(BigInteger uid, Wallet anyone)
    {
        ArgumentNullException.ThrowIfNull(anyone);
        var order = await Chain.OrderAsync(uid);
        var window = await stack.Web3.Eth.GetContractQueryHandler<DisputeWindowFunction>().QueryAsync<uint>(stack.Manifest["PowerParams"], new DisputeWindowFunction());
        var now = (ulong)(await stack.Clock.NowAsync()).ToUnixTimeSeconds();
        var disputeEnd = order.End + window;
        if (now <= disputeEnd)
        {
            await stack.Clock.AdvanceAsync((long)(disputeEnd - now) + 1);
        }

        await anyone.SettleAsync(uid);
        await stack.Clock.AdvanceAsync((long)(order.End - order.Start) + 1);
    }

    private static BigInteger Id(WorkflowOutput output, string name) =>
        BigInteger.Parse(output.Argument(name), System.Globalization.CultureInfo.InvariantCulture);

    [Function("disputeWindow", "uint32")]
    private sealed class DisputeWindowFunction : FunctionMessage;
}
