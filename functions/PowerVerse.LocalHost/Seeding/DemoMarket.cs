using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Azure.Data.Tables;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Web3;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Deployment;
using PowerVerse.Chain.Events;
using PowerVerse.Chain.Rpc;
using PowerVerse.Chain.Transactions;

namespace PowerVerse.LocalHost.Seeding;

/// <summary>
/// <c>PowerVerse.LocalHost seed-market PAYLOAD</c>: puts a small market on the local chain, so a newcomer sees one at
/// once — the local gpu-agent's device registered as a provider's H200 (with the agent's attestation from its
/// <c>init</c> payload), staked, two resources of half the GPU each, a week's usage right on each, both listed (the
/// first listing of each resource mints its revenue rights to the provider). Sent through the platform's own chain
/// layer (the Table-journalled sender) from Hardhat account #4, a provider with test PVC and tUSD.
/// </summary>
internal static class DemoMarket
{
    // Hardhat's well-known account #4: a local test key, never a real one.
    private const string ProviderKey = "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a";
    private const uint H200 = 6;
    private const uint GpuComputeType = 1;
    private const uint Week = 7 * 24 * 3600;
    private static readonly BigInteger Pvc = BigInteger.Pow(10, 18);

    // tUSD has 6 decimals, as USDC does.
    private static readonly BigInteger Tusd = BigInteger.Pow(10, 6);

    public static async Task<int> RunAsync(string payloadPath, string storage, Uri rpc, string manifestPath, TextWriter output)
    {
        var manifest = DeploymentManifest.Load(manifestPath);
        var device = JsonDocument.Parse(await File.ReadAllTextAsync(payloadPath)).RootElement;
        var attested = device.GetProperty("devices").EnumerateArray().Last();
        var web3 = new Web3(ChainRpc.CreateClient(rpc));
        var journal = new TableNonceJournal(new TableClient(storage, "seedJournal"));
        await journal.CreateIfNotExistsAsync();
        using var provider = new TransactionSender(web3, new EthECKey(ProviderKey), journal);
        var send = new Sender(provider);

        var hid = (await send.Async(manifest["HardwareRegistry"], new RegisterHardwareFunction
        {
            GpuModel = H200,
            DeviceHash = attested.GetProperty("deviceHash").GetString()!.HexToByteArray(),
            Agent = device.GetProperty("agent").GetString()!,
            Vcpus = 32,
            MemoryMiB = 131_072,
            Attestation = attested.GetProperty("attestation").GetString()!.HexToByteArray(),
        }, "HardwareRegistered")).Number("hid");

        var minimum = await web3.Eth.GetContractQueryHandler<MinStakeFunction>().QueryAsync<BigInteger>(manifest["PowerParams"], new MinStakeFunction { ComputeType = GpuComputeType });
        await send.Async(manifest["PowerVerseCoin"], new ApproveFunction { Spender = manifest["ProviderStaking"], Value = minimum });
        await send.Async(manifest["ProviderStaking"], new StakeFunction { Hid = hid, Amount = minimum });

        var offers = new[] { (Token: "TestStablecoin", Unit: Tusd, Amount: 120), (Token: "PowerVerseCoin", Unit: Pvc, Amount: 95) };
        foreach (var offer in offers)
        {
            var vid = (await send.Async(manifest["ResourceRegistry"], new CreateResourceFunction { Hid = hid, GpuShareBps = 5_000, Vcpus = 16, MemoryMiB = 65_536, DiskGiB = 500 }, "ResourceCreated")).Number("vid");
            var uid = (await send.Async(manifest["UsageRights"], new CreateUsageRightFunction { Vid = vid, Duration = Week }, "UsageRightCreated")).Number("uid");
            await send.Async(manifest["ComputeMarket"], new ListWithRevenueRightsFunction
            {
                Uid = uid, Token = manifest[offer.Token], Price = offer.Amount * offer.Unit, Beneficiaries = [provider.Address], Shares = [1000],
            });
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"listed UID {uid} (VID {vid} on HID {hid}) for {offer.Amount} {offer.Token}, one week"));
        }

        return 0;
    }

    /// <summary>Sends a call, waits for it, and returns the named event it emitted.</summary>
    private sealed class Sender(TransactionSender sender)
    {
        public async Task<DecodedEvent> Async<TFunction>(string contract, TFunction call, string? expectedEvent = null)
            where TFunction : FunctionMessage, new()
        {
            var receipt = await sender.WaitForConfirmationsAsync(await sender.SendAsync(new TransactionRequest { To = contract, Data = call.GetCallData() }));
            if (!receipt.Succeeded())
            {
                throw new InvalidOperationException($"{typeof(TFunction).Name} to {contract} failed in {receipt.TransactionHash}.");
            }

            var events = receipt.Logs.Select(EventRegistry.Contracts.Decode).OfType<DecodedEvent>().ToList();
            return expectedEvent is null ? events.FirstOrDefault()! : events.First(e => e.Name == expectedEvent);
        }
    }
}
