using System.Numerics;
using Nethereum.Contracts.Standards.ERC20.ContractDefinition;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Events;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Benchmarks.Purchases;

/// <summary>
/// The market the benchmark buys from, set up with the provider's own transactions (Hardhat #4): one H200 attested by
/// the stack's real gpu-agent, registered and staked, with room for hundreds of small resources (10 bps of the GPU,
/// 1 vCPU each), each with a usage right listed in tUSD; and the buyers (#10–#19) funded with tUSD by #5–#9 and
/// approved for the market.
/// </summary>
internal sealed class BenchmarkMarket
{
    public const uint RentalSeconds = 3600;
    private const uint H200 = 6;
    private const uint GpuComputeType = 1;
    private const ushort ResourceGpuShareBps = 10;
    private static readonly BigInteger Price = BigInteger.Pow(10, 6); // 1 tUSD (6 decimals)

    private readonly LocalStack _stack;
    private readonly Wallet _provider;
    private BigInteger _hid;

    public BenchmarkMarket(LocalStack stack)
    {
        _stack = stack ?? throw new ArgumentNullException(nameof(stack));
        _provider = new Wallet(stack, 4);
    }

    public string Token => _stack.Manifest["TestStablecoin"];

    /// <summary>Registers and stakes the hardware, and funds and approves <paramref name="buyers"/> for <paramref name="purchasesEach"/> purchases each.</summary>
    public async Task PrepareAsync(IReadOnlyList<Buyer> buyers, int purchasesEach)
    {
        ArgumentNullException.ThrowIfNull(buyers);
        var device = await _stack.Agent.AttestAsync(_provider.Address, $"GPU-bench-{Guid.NewGuid()}", _stack.Manifest["HardwareRegistry"]);
        var registered = await _provider.SendAsync("HardwareRegistry", new RegisterHardwareFunction
        {
            GpuModel = H200, DeviceHash = device.DeviceHash, Agent = device.Agent, Vcpus = 4096, MemoryMiB = 16 * 1024 * 1024, Attestation = device.Attestation,
        });
        _hid = Event(registered, "HardwareRegistered").Number("hid");
        var minStake = await _stack.Web3.Eth.GetContractQueryHandler<MinStakeFunction>()
            .QueryAsync<BigInteger>(_stack.Manifest["PowerParams"], new MinStakeFunction { ComputeType = GpuComputeType });
        await _provider.StakeAsync(_hid, minStake);

        var amount = Price * purchasesEach;
        for (var i = 0; i < buyers.Count; i++)
        {
            var funder = new Wallet(_stack, 5 + (i % 5));
            await funder.SendAsync("TestStablecoin", new TransferFunction { To = buyers[i].Address, Value = amount });
            await buyers[i].ApproveMarketAsync(Token, amount);
        }
    }

    /// <summary>
    /// <paramref name="count"/> fresh listings: a resource, its usage right and its first listing (minting its RID to
    /// the provider) each, sent in bulk by the provider and read back from the receipts.
    /// </summary>
    public async Task<IReadOnlyList<Listing>> CreateListingsAsync(int count)
    {
        var provider = new ProviderTransactions(_stack, 4);
        var resources = await provider.SendAllAsync("ResourceRegistry", Enumerable.Range(0, count).Select(_ => new CreateResourceFunction
        {
            Hid = _hid, GpuShareBps = ResourceGpuShareBps, Vcpus = 1, MemoryMiB = 1024, DiskGiB = 10,
        }), "ResourceCreated");
        var usageRights = await provider.SendAllAsync("UsageRights",
            resources.Select(r => new CreateUsageRightFunction { Vid = r.Number("vid"), Duration = RentalSeconds }), "UsageRightCreated");
        var uids = usageRights.Select(u => u.Number("uid")).ToList();
        await provider.SendAllAsync("ComputeMarket", uids.Select(uid => new ListWithRevenueRightsFunction
        {
            Uid = uid, Token = Token, Price = Price, Beneficiaries = [_provider.Address], Shares = [1000],
        }), "Listed");
        return [.. uids.Select(uid => new Listing(uid, Token, Price))];
    }

    private static DecodedEvent Event(TransactionReceipt receipt, string name) =>
        receipt.Logs.Select(EventRegistry.Contracts.Decode).OfType<DecodedEvent>().FirstOrDefault(e => e.Name == name)
        ?? throw new InvalidOperationException($"Transaction {receipt.TransactionHash} emitted no {name}.");
}
