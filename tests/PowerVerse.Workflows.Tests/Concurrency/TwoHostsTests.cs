using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Nethereum.Contracts.Standards.ERC20.ContractDefinition;
using PowerVerse.Client.Api;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PowerVerse.Workflows.Tests.Concurrency;

/// <summary>
/// Two local hosts side by side on one stack (one task hub, one relayer key, one Table-journalled relayer): fifty
/// purchases by ten buyers at once, spread over both hosts' APIs, each completed with the agent's access; the relayer's
/// transactions take consecutive nonces, none skipped and none twice, and each UID is sold exactly once.
/// </summary>
public sealed class TwoHostsTests(TwoHostsFixture stack, ITestOutputHelper output) : IClassFixture<TwoHostsFixture>
{
    private const int Providers = 5;
    private const int PerProvider = 10;
    private const int PerBuyer = 5;
    private const ushort GpuShareBps = 200;
    private const string SshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPowerVerseTwoHostsTestsKey pv@test";
    private static readonly TimeSpan WorkflowTimeout = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task PostPurchases_FiftyByTenBuyersOverTwoHosts_AllGrantedRelayerNoncesGaplessOneSaleEach()
    {
        var setup = Stopwatch.StartNew();
        var (uids, buyers) = await PrepareAsync();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{uids.Count} UIDs listed by {Providers} providers, {buyers.Count} buyers funded and approved in {setup.Elapsed.TotalSeconds:F1} s"));

        var apis = stack.Apis;
        var firstBlock = await ChainRecord.HeadAsync(stack) + 1;
        var relayerBefore = await ChainRecord.RelayerNonceAsync(stack);
        var clock = Stopwatch.StartNew();
        var bought = await Task.WhenAll(buyers.Select((buyer, b) => BuyInTurnAsync(buyer, b, uids.Skip(b * PerBuyer).Take(PerBuyer).ToList(), apis))).WaitAsync(RunTimeout);
        var wall = clock.Elapsed;
        var purchases = bought.SelectMany(p => p).ToList();
        var lastBlock = await ChainRecord.HeadAsync(stack);
        var relayerAfter = await ChainRecord.RelayerNonceAsync(stack);
        var latencies = purchases.Select(p => p.Seconds).Order().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{purchases.Count} purchases completed in {wall.TotalSeconds:F1} s wall ({purchases.Count(p => p.Host == 0)} posted to host 0, {purchases.Count(p => p.Host == 1)} to host 1); per purchase p50 {latencies[latencies.Count / 2]:F1} s, max {latencies[^1]:F1} s; blocks {firstBlock}–{lastBlock}"));

        // Every workflow completed with the agent's access, and the buyer is the UID's user on chain.
        var failed = purchases.Where(p => !p.Workflow.IsCompleted || p.Workflow.Result?.Access is null).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed.Select(p => $"UID {p.Uid} by {p.Buyer}: {p.Workflow.Status} {p.Workflow.Failure?.ErrorType}: {p.Workflow.Failure?.ErrorMessage}")) + "\n" + stack.Logs());
        Assert.Equal(uids.Count, purchases.Count);
        var chain = new ChainViews(stack.Web3, stack.Manifest);
        foreach (var purchase in purchases)
        {
            Assert.True(ApiJson.SameAddress(purchase.Buyer, await chain.UserOfAsync(purchase.Uid)), $"UID {purchase.Uid}'s user is not {purchase.Buyer}");
        }

        // The relayer: one transaction per purchase, nonces consecutive from where it was, none skipped, none twice.
        var sent = await ChainRecord.RelayerTransactionsAsync(stack, firstBlock, lastBlock);
        output.WriteLine($"relayer nonce {relayerBefore} → {relayerAfter}; {sent.Count} relayer transactions mined");
        var expected = Enumerable.Range(0, uids.Count).Select(i => relayerBefore + i).ToList();
        Assert.Equal(expected, sent.Select(t => t.Nonce).Order().ToList());
        Assert.Equal(relayerBefore + uids.Count, relayerAfter);

        // One sale per UID.
        var sales = await ChainRecord.PurchasesAsync(stack, firstBlock, lastBlock);
        Assert.Equal(uids.Count, sales.Count);
        Assert.Equal(uids.Order(), sales.Select(s => s.Number("uid")).Order());
    }

    /// <summary>Five providers' UIDs and ten buyers with tUSD for their share, approved.</summary>
    private async Task<(IReadOnlyList<BigInteger> Uids, IReadOnlyList<HardhatBuyer> Buyers)> PrepareAsync()
    {
        var providers = Enumerable.Range(4, Providers).Select(account => new Wallet(stack, account)).ToList();

        // The agent's init only reads an existing keystore, so its attestations can run side by side.
        var devices = await Task.WhenAll(providers.Select(p => stack.Agent.AttestAsync(p.Address, $"GPU-{Guid.NewGuid()}", stack.Manifest["HardwareRegistry"])));
        var clock = Stopwatch.StartNew();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {devices.Length} devices attested"));
        var listings = providers.Select((provider, i) => DirectListings.ListAsync(stack, provider, devices[i], PerProvider, GpuShareBps)).ToList();
        var buyers = await Task.WhenAll(Enumerable.Range(0, HardhatBuyer.Count).Select(i => HardhatBuyer.OfAsync(stack, i)));
        var funder = new Wallet(stack, 9);
        var allowance = PerBuyer * DirectListings.Price;
        foreach (var buyer in buyers)
        {
            await funder.SendAsync("TestStablecoin", new TransferFunction { To = buyer.Address, Value = allowance });
        }

        await Task.WhenAll(buyers.Select(b => b.ApproveMarketAsync("TestStablecoin", allowance)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  buyers funded and approved after {clock.Elapsed.TotalSeconds:F1} s"));
        await Task.WhenAll(listings);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  listings done after {clock.Elapsed.TotalSeconds:F1} s"));
        return ([.. (await Task.WhenAll(listings)).SelectMany(u => u)], buyers);
    }

    /// <summary>
    /// A buyer's purchases one after another (its forwarder nonce is sequential), alternating between the hosts; its
    /// first is posted to both hosts at once, which must answer with the same workflow.
    /// </summary>
    private async Task<List<Purchase>> BuyInTurnAsync(HardhatBuyer buyer, int index, List<BigInteger> uids, IReadOnlyList<PowerVerseApi> apis)
    {
        var done = new List<Purchase>();
        for (var j = 0; j < uids.Count; j++)
        {
            var host = (index + j) % apis.Count;
            var write = await buyer.Writes.BuyAsync(uids[j], stack.Manifest["TestStablecoin"], DirectListings.Price, SshKey);
            var clock = Stopwatch.StartNew();
            var answers = j == 0
                ? await Task.WhenAll(apis[host].PostAsync(write), apis[1 - host].PostAsync(write))
                : [await apis[host].PostAsync(write)];
            foreach (var answer in answers)
            {
                if (!answer.IsAccepted || answer.Id != write.Id)
                {
                    throw new XunitException($"UID {uids[j]} by {buyer.Address} (#{buyer.Account}) posted to host {host}: {answer.Status} {answer.Problem} (id {answer.Id}, expected {write.Id})\n{stack.Logs()}");
                }
            }

            Workflow workflow;
            try
            {
                workflow = await apis[host].WaitForWorkflowAsync(write.Id, WorkflowTimeout);
            }
            catch (TimeoutException e)
            {
                throw new XunitException($"UID {uids[j]} by {buyer.Address}: {e.Message}\n{stack.Logs()}");
            }

            done.Add(new Purchase(uids[j], buyer.Address, host, workflow, clock.Elapsed.TotalSeconds));
            if (!workflow.IsCompleted)
            {
                // The buyer's nonce may not have moved; its next purchases would be refused as signed at a used one.
                break;
            }
        }

        return done;
    }

    private sealed record Purchase(BigInteger Uid, string Buyer, int Host, Workflow Workflow, double Seconds);
}
