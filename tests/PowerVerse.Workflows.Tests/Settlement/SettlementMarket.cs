using System.Numerics;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Events;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Settlement;

/// <summary>
/// Rentals set up with the parties' own transactions (no workflow: the settlement tests need many, and the API adds
/// nothing to them): the provider's staked hardware attested by a real gpu-agent, resources of a small GPU share, and
/// per rental a usage right of its own, listed (first listing of a VID mints its RID to the beneficiaries) and bought.
/// </summary>
internal sealed class SettlementMarket(LocalStack stack)
{
    public const int ProviderAccount = 4;

    private readonly HashSet<BigInteger> _withRevenueRights = [];

    public Wallet Provider { get; } = new(stack, ProviderAccount);

    public ChainViews Views { get; } = new(stack.Web3, stack.Manifest);

    /// <summary>Registers a new device of <paramref name="agent"/> as the provider's H200 and stakes its minimum.</summary>
    public async Task<BigInteger> StakedHardwareAsync(GpuAgentProcess agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var device = await agent.AttestAsync(Provider.Address, $"GPU-{Guid.NewGuid()}", stack.Manifest["HardwareRegistry"]);
        var registered = await Provider.SendAsync("HardwareRegistry", new RegisterHardwareFunction
        {
            GpuModel = MarketSteps.H200, DeviceHash = device.DeviceHash, Agent = device.Agent, Vcpus = 256, MemoryMiB = 1_048_576, Attestation = device.Attestation,
        });
        var hid = Event(registered, "HardwareRegistered").Number("hid");
        await Provider.StakeAsync(hid, await Views.MinStakeAsync(MarketSteps.GpuComputeType));
        return hid;
    }

    public async Task<BigInteger> ResourceAsync(BigInteger hid, ushort gpuShareBps) =>
        Event(await Provider.SendAsync("ResourceRegistry", new CreateResourceFunction { Hid = hid, GpuShareBps = gpuShareBps, Vcpus = 1, MemoryMiB = 1_024, DiskGiB = 10 }),
            "ResourceCreated").Number("vid");

    /// <summary>
    /// A new usage right of <paramref name="duration"/> seconds on the VID, listed at <paramref name="price"/> of
    /// <paramref name="token"/> (manifest name) and bought by <paramref name="buyer"/>, who approved the market before.
    /// The VID's first listing mints its RID to <paramref name="beneficiaries"/> (shares summing to 1000, the GPU weight).
    /// </summary>
    public async Task<Rental> RentAsync(
        BigInteger vid, uint duration, string token, BigInteger price, IReadOnlyList<(string Account, BigInteger Shares)> beneficiaries, Wallet buyer)
    {
        ArgumentNullException.ThrowIfNull(beneficiaries);
        ArgumentNullException.ThrowIfNull(buyer);
        var uid = Event(await Provider.SendAsync("UsageRights", new CreateUsageRightFunction { Vid = vid, Duration = duration }), "UsageRightCreated").Number("uid");
        var address = stack.Manifest[token];
        if (_withRevenueRights.Add(vid))
        {
            await Provider.SendAsync("ComputeMarket", new ListWithRevenueRightsFunction
            {
                Uid = uid, Token = address, Price = price, Beneficiaries = [.. beneficiaries.Select(b => b.Account)], Shares = [.. beneficiaries.Select(b => b.Shares)],
            });
        }
        else
        {
            await Provider.SendAsync("ComputeMarket", new ListFunction { Uid = uid, Token = address, Price = price });
        }

        var bought = await buyer.SendAsync("ComputeMarket", new BuyFunction { Uid = uid, Token = address, Price = price });
        var order = await Views.OrderAsync(uid);
        // What the buyer paid, measured: its balance before the purchase's block and at it (one transaction per block).
        var block = bought.BlockNumber.Value;
        var together = (await stack.Web3.Eth.Blocks.GetBlockTransactionCountByNumber.SendRequestAsync(new BlockParameter(new HexBigInteger(block)))).Value;
        if (together != 1)
        {
            throw new InvalidOperationException($"Block {block} of the purchase of UID {uid} holds {together} transactions: the buyer's balance change there is not the purchase's alone.");
        }

        var paid = await BalanceAsync(address, buyer.Address, block - 1) - await BalanceAsync(address, buyer.Address, block);
        return new Rental(uid, vid, token, price, buyer, (long)order.Start, (long)order.End, paid);
    }

    private Task<BigInteger> BalanceAsync(string token, string account, BigInteger block) =>
        stack.Web3.Eth.GetContractQueryHandler<TokenBalanceOfFunction>().QueryAsync<BigInteger>(
            token, new TokenBalanceOfFunction { Account = account }, new BlockParameter(new HexBigInteger(block)));

    public static DecodedEvent Event(TransactionReceipt receipt, string name) =>
        receipt.Logs.Select(EventRegistry.Contracts.Decode).OfType<DecodedEvent>().FirstOrDefault(e => e.Name == name)
        ?? throw new InvalidOperationException($"Transaction {receipt.TransactionHash} emitted no {name}.");
}

/// <summary>
/// A bought usage right: the order the settlement timer will find, identified by its UID and start; <paramref name="Paid"/>
/// is the buyer's balance decrease in the purchase's block.
/// </summary>
internal sealed record Rental(BigInteger Uid, BigInteger Vid, string Token, BigInteger Price, Wallet Buyer, long Start, long End, BigInteger Paid)
{
    public long Duration => End - Start;

    /// <summary>The settlement workflow's id, as the API serves it.</summary>
    public string WorkflowId => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"settle-{Uid}-{Start}");
}
