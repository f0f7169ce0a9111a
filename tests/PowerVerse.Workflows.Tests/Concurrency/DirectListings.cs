using System.Numerics;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Events;
using PowerVerse.Workflows.Tests.Support;

namespace PowerVerse.Workflows.Tests.Concurrency;

/// <summary>
/// Usage rights listed for sale with the provider's own transactions (Nethereum, as the wallet steps of
/// <see cref="MarketSteps"/>), which is quicker than through the write API when a test needs many: an H200 attested by
/// the stack's real gpu-agent (so its grants are applied), registered and staked, and on it resources of a small GPU
/// share, each with a usage right whose first listing mints its RID to the provider.
/// </summary>
internal static class DirectListings
{
    /// <summary>1 tUSD (6 decimals).</summary>
    public static readonly BigInteger Price = MarketSteps.Usd;

    public const uint RentalSeconds = 3_600;

    /// <summary>Registers <paramref name="device"/> as the provider's HID, stakes it and lists <paramref name="count"/> UIDs of <paramref name="gpuShareBps"/> each.</summary>
    public static async Task<IReadOnlyList<BigInteger>> ListAsync(LocalStack stack, Wallet provider, DeviceAttestation device, int count, ushort gpuShareBps)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(device);
        var registered = await provider.SendAsync("HardwareRegistry", new RegisterHardwareFunction
        {
            GpuModel = MarketSteps.H200, DeviceHash = device.DeviceHash, Agent = device.Agent, Vcpus = 256, MemoryMiB = 1_048_576, Attestation = device.Attestation,
        });
        var hid = Event(registered, "HardwareRegistered").Number("hid");
        await provider.StakeAsync(hid, await new ChainViews(stack.Web3, stack.Manifest).MinStakeAsync(MarketSteps.GpuComputeType));

        var token = stack.Manifest["TestStablecoin"];
        var uids = new List<BigInteger>(count);
        for (var i = 0; i < count; i++)
        {
            var vid = Event(await provider.SendAsync("ResourceRegistry", new CreateResourceFunction
            {
                Hid = hid, GpuShareBps = gpuShareBps, Vcpus = 1, MemoryMiB = 1_024, DiskGiB = 10,
            }), "ResourceCreated").Number("vid");
            var uid = Event(await provider.SendAsync("UsageRights", new CreateUsageRightFunction { Vid = vid, Duration = RentalSeconds }), "UsageRightCreated").Number("uid");
            await provider.SendAsync("ComputeMarket", new ListWithRevenueRightsFunction
            {
                Uid = uid, Token = token, Price = Price, Beneficiaries = [provider.Address], Shares = [1_000],
            });
            uids.Add(uid);
        }

        return uids;
    }

    private static DecodedEvent Event(TransactionReceipt receipt, string name) =>
        receipt.Logs.Select(EventRegistry.Contracts.Decode).OfType<DecodedEvent>().FirstOrDefault(e => e.Name == name)
        ?? throw new InvalidOperationException($"Transaction {receipt.TransactionHash} emitted no {name}.");
}
