using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Events;
using PowerVerse.Chain.Forwarding;
using PowerVerse.Client.Accounts;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Workflows.Tests.BadInput;

/// <summary>
/// Sets up what the bad writes aim at, as the scenario tests do: the provider's hardware, resource, usage right and
/// first listing, and the investor's share listing, through the write API; the rest with the parties' own
/// transactions (a request the provider executes on the forwarder itself, a UID listed and withdrawn, a share listing
/// cancelled, approvals, a buyer with no tUSD).
/// </summary>
internal static class BadInputMarket
{
    public static async Task<BadInputWorld> PrepareAsync(LocalStack stack, ITestOutputHelper output)
    {
        var writes = new WriteRunner(stack, output);
        var steps = new MarketSteps(stack, writes);
        var (provider, unapproved, investor, approved, stranger, shortApproved) =
            (new Wallet(stack, 4), new Wallet(stack, 5), new Wallet(stack, 6), new Wallet(stack, 7), new Wallet(stack, 8), new Wallet(stack, 9));
        var tusd = stack.Manifest["TestStablecoin"];
        var price = 120 * MarketSteps.Usd;
        var unitPrice = MarketSteps.Usd / 2;

        var registered = await stack.Agent.AttestAsync(provider.Address, $"GPU-{Guid.NewGuid()}", stack.Manifest["HardwareRegistry"]);
        var hardware = await writes.CompleteAsync(await provider.Writes.RegisterHardwareAsync(MarketSteps.H200, registered.DeviceHash, registered.Agent, 32, 131_072, registered.Attestation));
        var hid = BigInteger.Parse(hardware.Argument("hid"), System.Globalization.CultureInfo.InvariantCulture);
        await provider.StakeAsync(hid, await steps.Chain.MinStakeAsync(MarketSteps.GpuComputeType));
        var vid = await steps.CreateResourceAsync(provider, hid, 5_000);
        var uid = await steps.CreateUsageRightAsync(provider, vid, 3_600);
        await writes.CompleteAsync(await provider.Writes.ListWithRevenueRightsAsync(uid, tusd, price, [(provider.Address, 700), (investor.Address, 300)]));
        var shares = await writes.CompleteAsync(await investor.Writes.ListSharesAsync(vid, 100, tusd, unitPrice));
        var shareListing = BigInteger.Parse(shares.Argument("listingId"), System.Globalization.CultureInfo.InvariantCulture);

        // The provider executes a signed request on the forwarder itself: its nonce is used, and no workflow knows it.
        var forwarder = new ForwarderClient(stack.Web3, stack.Manifest["PowerForwarder"]);
        var directNonce = await forwarder.NoncesAsync(provider.Address);
        var direct = await provider.Writes.CreateResourceAsync(hid, 2_000, 8, 32_768, 100);
        var executed = await provider.SendAsync("PowerForwarder", new ExecuteFunction { Request = direct.Body.ToForwardRequestData() });
        var secondVid = Event(executed, "ResourceCreated").Number("vid");
        var withdrawn = Event(await provider.SendAsync("UsageRights", new CreateUsageRightFunction { Vid = secondVid, Duration = 3_600 }), "UsageRightCreated").Number("uid");
        await provider.SendAsync("ComputeMarket", new ListWithRevenueRightsFunction { Uid = withdrawn, Token = tusd, Price = price, Beneficiaries = [provider.Address], Shares = [1_000] });
        await provider.SendAsync("ComputeMarket", new UnlistFunction { Uid = withdrawn });
        var cancelled = Event(await investor.SendAsync("ComputeMarket", new ListSharesFunction { Vid = vid, Amount = 50, Token = tusd, UnitPrice = MarketSteps.Usd }), "SharesListed").Number("listingId");
        await investor.SendAsync("ComputeMarket", new CancelShareListingFunction { ListingId = cancelled });
        var freeVid = Event(await provider.SendAsync("ResourceRegistry", new CreateResourceFunction { Hid = hid, GpuShareBps = 1_000, Vcpus = 4, MemoryMiB = 8_192, DiskGiB = 50 }), "ResourceCreated").Number("vid");

        // The approved buyer buys a share through the API, so it has a used forwarder nonce too.
        await approved.ApproveMarketAsync("TestStablecoin", BigInteger.Pow(10, 18));
        await writes.CompleteAsync(await approved.Writes.BuySharesAsync(shareListing, 1, tusd, unitPrice));
        await shortApproved.ApproveMarketAsync("TestStablecoin", price - 1);
        var poor = await PoorBuyerAsync(stack, tusd);
        var fresh = await stack.Agent.AttestAsync(provider.Address, $"GPU-{Guid.NewGuid()}", stack.Manifest["HardwareRegistry"]);

        var signers = new[] { provider.Key, investor.Key, unapproved.Key, approved.Key, shortApproved.Key, poor, stranger.Key };
        var nonces = new Dictionary<string, BigInteger>();
        foreach (var signer in signers)
        {
            nonces[BadInputWorld.Address(signer)] = await forwarder.NoncesAsync(signer.GetPublicAddress());
        }

        var chainNow = (await stack.Clock.NowAsync()).ToUnixTimeSeconds();
        var now = Math.Max(chainNow, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        return new BadInputWorld
        {
            Manifest = stack.Manifest,
            Forge = new RequestForge(await forwarder.ReadDomainAsync(), (ulong)now + 3_600),
            Provider = provider.Key, Investor = investor.Key, Unapproved = unapproved.Key, Approved = approved.Key, ShortApproved = shortApproved.Key, Poor = poor, Stranger = stranger.Key,
            Nonces = nonces,
            Hid = hid, Vid = vid, SecondVid = secondVid, FreeVid = freeVid, ListedUid = uid, WithdrawnUid = withdrawn, Price = price, FreeShareBps = 2_000,
            ShareListing = shareListing, ShareUnitPrice = unitPrice, ShareRemaining = 99, CancelledShareListing = cancelled, InvestorFreeShares = 200,
            DirectNonce = directNonce,
            FreshDevice = fresh, RegisteredDevice = registered,
        };
    }

    /// <summary>A new account with ether (set on the node) that approves the market for far more than any price and holds no tUSD.</summary>
    private static async Task<EthECKey> PoorBuyerAsync(LocalStack stack, string tusd)
    {
        var key = EthECKey.GenerateKey();
        await stack.Web3.Client.SendRequestAsync<object>("hardhat_setBalance", null, key.GetPublicAddress(), new HexBigInteger(BigInteger.Pow(10, 20)).HexValue);
        var web3 = new Web3(new Account(key, HardhatAccounts.ChainId), stack.Node.RpcUrl.ToString());
        var receipt = await web3.Eth.GetContractTransactionHandler<ApproveFunction>()
            .SendRequestAndWaitForReceiptAsync(tusd, new ApproveFunction { Spender = stack.Manifest["ComputeMarket"], Value = BigInteger.Pow(10, 18) });
        return receipt.Succeeded() ? key : throw new InvalidOperationException($"The poor buyer's approval reverted in {receipt.TransactionHash}.");
    }

    private static DecodedEvent Event(TransactionReceipt receipt, string name) =>
        receipt.Logs.Select(EventRegistry.Contracts.Decode).OfType<DecodedEvent>().FirstOrDefault(e => e.Name == name)
        ?? throw new InvalidOperationException($"Transaction {receipt.TransactionHash} emitted no {name}.");
}
