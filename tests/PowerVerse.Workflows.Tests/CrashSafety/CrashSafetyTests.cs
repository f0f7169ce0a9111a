using System.Globalization;
using System.Numerics;
using Azure.Storage.Queues;
using PowerVerse.Client.Api;
using PowerVerse.Client.Writes;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Workflows.Tests.CrashSafety;

/// <summary>
/// The write workflows survive their host's crash (STYLE: workflows are checked by killing and restarting them). A
/// local host SIGKILLs itself at an activity boundary (<c>LocalHost__KillAt</c>: just before or just after an
/// activity's completion is recorded) while it runs a purchase or a revenue claim; a host without a crash point on the
/// same storage takes the workflow over. It completes, and the write happened once: one sale or claim event, the money
/// moved once, one relayed transaction, the signer's forwarder nonce one up. The same for a host SIGKILLed while a
/// purchase waits for the provider's agent.
/// </summary>
public sealed class CrashSafetyTests(CrashSafetyFixture stack, ITestOutputHelper output) : IClassFixture<CrashSafetyFixture>
{
    private const string SshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPowerVerseWorkflowTestsKey pv@test";

    private static readonly string AgentEndpoint = $"{GpuAgentProcess.SshUser}@127.0.0.1:{GpuAgentProcess.SshPort}";

    private readonly ChainLedger _ledger = new(stack);

    [Theory]
    [MemberData(nameof(CrashCases.PurchaseData), MemberType = typeof(CrashCases))]
    public async Task Purchase_HostKilledAtActivityBoundary_CompletesWithAccessAndOneSale(string killAt)
    {
        await stack.StopAllHostsAsync();
        var run = new CrashRun(stack, output);
        var (buyer, uid) = (new Wallet(stack, CrashMarket.BuyerAccount), stack.Market.PurchaseUid(killAt));
        var (write, before) = await PrepareBuyAsync(buyer, uid);

        await run.RunUntilKilledAsync(killAt, write);
        await NoteChainAsync(run, "at the kill", before);
        var after = new AfterFacts();
        var workflow = await run.RecoverAsync(write, (api, _) => after.ReadAsync(api, write, uid, buyer));

        await AssertOnePurchaseAsync(run, workflow, write, uid, buyer, before, after);
    }

    [Fact]
    public async Task Purchase_HostKilledWhileAwaitingAgent_CompletesWithAccessAndOneSale()
    {
        await stack.StopAllHostsAsync();
        var run = new CrashRun(stack, output);
        var agent = stack.Market.IdleAgent;
        var (buyer, uid) = (new Wallet(stack, CrashMarket.BuyerAccount), stack.Market.IdleAgentUid);
        var (write, before) = await PrepareBuyAsync(buyer, uid);
        var after = new AfterFacts();
        Workflow workflow;
        try
        {
            // The HID's agent is not running: the grant waits in its queue and the workflow at awaiting-agent.
            var host = await stack.StartCrashHostAsync();
            await run.PostAsync(stack.ApiOf(host), write);
            await run.WaitForStepAsync(stack.ApiOf(host), write, "awaiting-agent");
            var grants = (await new QueueClient(stack.Storage.ConnectionString, "agent-" + agent.Address[2..].ToLowerInvariant()).PeekMessagesAsync(32)).Value;
            var queued = grants.Count(m => m.Body.ToString().Contains($"\"uid\":\"{uid}\"", StringComparison.Ordinal));
            run.Note($"grants of UID {uid} in the idle agent's queue: {queued}");
            Assert.Equal(1, queued);

            host = await stack.RestartHostAsync(host);
            run.Note($"SIGKILLed at awaiting-agent and started again on {host.Port}");
            await NoteChainAsync(run, "at the kill", before);
            await agent.RunAsync(stack.Storage.ConnectionString, stack.Manifest["ProofOfCompute"]);
            run.Note("the HID's agent runs");
            var api = stack.ApiOf(host);
            workflow = await run.CompletedAsync(api, write);
            await after.ReadAsync(api, write, uid, buyer);
        }
        finally
        {
            await stack.StopAllHostsAsync();
        }

        await AssertOnePurchaseAsync(run, workflow, write, uid, buyer, before, after);
    }

    [Theory]
    [MemberData(nameof(CrashCases.ClaimData), MemberType = typeof(CrashCases))]
    public async Task ClaimRevenue_HostKilledAtActivityBoundary_PaysTheClaimableOnce(string killAt)
    {
        await stack.StopAllHostsAsync();
        var run = new CrashRun(stack, output);
        var views = new ChainViews(stack.Web3, stack.Manifest);
        var (holder, vid, revenue) = (new Wallet(stack, CrashMarket.HolderAccount), stack.Market.ClaimVid(killAt), stack.Manifest["RevenueRights"]);
        var claimable = await views.ClaimableAsync(vid, "TestStablecoin", holder.Address);
        Assert.True(claimable > 0, $"VID {vid} has no income for {holder.Address} to claim");
        var write = await holder.Writes.ClaimRevenueAsync(vid, stack.Manifest["TestStablecoin"]);
        var before = await _ledger.TakeAsync(holder.Address, payer: revenue, payee: holder.Address);

        await run.RunUntilKilledAsync(killAt, write);
        await NoteChainAsync(run, "at the kill", before);
        var again = string.Empty;
        var workflow = await run.RecoverAsync(write, async (api, _) => again = await PostAgainAsync(api, write));

        var result = workflow.Result!;
        var claims = (await _ledger.EventsAsync("RevenueRights", "IncomeClaimed"))
            .Where(e => e.Number("vid") == vid && ApiJson.SameAddress(e.Address("account"), holder.Address) && ApiJson.SameAddress(e.Address("token"), stack.Manifest["TestStablecoin"]))
            .ToList();
        var facts = await RelayFactsAsync(run, write, before, result);
        facts["workflow"] = $"{workflow.Name} {workflow.Status} {workflow.CurrentStep}";
        facts["output"] = $"{result.Event} amount {result.Argument("amount")} access {result.Access?.ToString() ?? "none"}";
        facts["IncomeClaimed events of (VID, tUSD, holder)"] = Text(claims.Count);
        facts["IncomeClaimed in the output's transaction"] = Text(claims.Count(c => Same(c.TransactionHash, result.TransactionHash)));
        facts["holder tUSD change"] = Text(await _ledger.TokenBalanceAsync(holder.Address) - before.PayeeBalance);
        facts["RevenueRights tUSD change"] = Text(await _ledger.TokenBalanceAsync(revenue) - before.PayerBalance);
        facts["holder's claimable after"] = Text(await views.ClaimableAsync(vid, "TestStablecoin", holder.Address));
        facts["same body posted again"] = again;
        var expected = ExpectedRelayFacts();
        expected["workflow"] = "ClaimRevenue Completed done";
        expected["output"] = $"IncomeClaimed amount {claimable} access none";
        expected["IncomeClaimed events of (VID, tUSD, holder)"] = "1";
        expected["IncomeClaimed in the output's transaction"] = "1";
        expected["holder tUSD change"] = Text(claimable);
        expected["RevenueRights tUSD change"] = Text(-claimable);
        expected["holder's claimable after"] = "0";
        expected["same body posted again"] = "202 same id";
        Assert.Equal(expected, facts);
    }

    /// <summary>The buyer approves the market for the price and signs the purchase; the facts before it is posted.</summary>
    private async Task<(PreparedWrite Write, ChainLedger.Point Before)> PrepareBuyAsync(Wallet buyer, BigInteger uid)
    {
        await buyer.ApproveMarketAsync("TestStablecoin", CrashMarket.Price);
        var write = await buyer.Writes.BuyAsync(uid, stack.Manifest["TestStablecoin"], CrashMarket.Price, SshKey);
        return (write, await _ledger.TakeAsync(buyer.Address, payer: buyer.Address, payee: stack.Manifest["ComputeMarket"]));
    }

    private async Task AssertOnePurchaseAsync(CrashRun run, Workflow workflow, PreparedWrite write, BigInteger uid, Wallet buyer, ChainLedger.Point before, AfterFacts after)
    {
        var result = workflow.Result!;
        var sales = (await _ledger.EventsAsync("ComputeMarket", "Purchased")).Where(e => e.Number("uid") == uid).ToList();
        var facts = await RelayFactsAsync(run, write, before, result);
        facts["workflow"] = $"{workflow.Name} {workflow.Status} {workflow.CurrentStep}";
        facts["output"] = $"{result.Event} uid {result.Argument("uid")} buyer {result.Argument("buyer")} price {result.Argument("price")} access {result.Access?.ToString() ?? "none"}";
        facts["access in the buyer's signed read"] = after.Access;
        facts["Purchased events of the UID"] = Text(sales.Count);
        facts["Purchased in the output's transaction"] = Text(sales.Count(s => Same(s.TransactionHash, result.TransactionHash)));
        facts["buyer tUSD change"] = Text(await _ledger.TokenBalanceAsync(buyer.Address) - before.PayerBalance);
        facts["market tUSD change"] = Text(await _ledger.TokenBalanceAsync(stack.Manifest["ComputeMarket"]) - before.PayeeBalance);
        facts["same body posted again"] = after.Again;
        var expected = ExpectedRelayFacts();
        expected["workflow"] = "Purchase Completed done";
        expected["output"] = $"Purchased uid {uid} buyer {buyer.Address} price {CrashMarket.Price} access {AgentEndpoint}";
        expected["access in the buyer's signed read"] = AgentEndpoint;
        expected["Purchased events of the UID"] = "1";
        expected["Purchased in the output's transaction"] = "1";
        expected["buyer tUSD change"] = Text(-CrashMarket.Price);
        expected["market tUSD change"] = Text(CrashMarket.Price);
        expected["same body posted again"] = "202 same id";
        Assert.Equal(expected, facts);
    }

    /// <summary>
    /// The relayer's side of a write: its transactions since the write was signed (all must be the one carrying this
    /// request, and be the output's), its nonce (mined and pending), and the signer's forwarder nonce.
    /// </summary>
    private async Task<SortedDictionary<string, string>> RelayFactsAsync(CrashRun run, PreparedWrite write, ChainLedger.Point before, WorkflowOutput result)
    {
        var sent = await _ledger.RelayerTransactionsAfterAsync(before.Block);
        foreach (var transaction in sent)
        {
            run.Note($"relayer sent {transaction.TransactionHash} (nonce {transaction.Nonce.Value}) to {transaction.To}{(_ledger.Carries(transaction, write.Body.Signature) ? ", carrying this request" : string.Empty)}");
        }

        var signer = write.Body.From;
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["relayer transactions carrying the request"] = Text(sent.Count(t => _ledger.Carries(t, write.Body.Signature))),
            ["relayer transactions carrying the request, the output's"] = Text(sent.Count(t => _ledger.Carries(t, write.Body.Signature) && Same(t.TransactionHash, result.TransactionHash))),
            ["relayer transactions, others"] = Text(sent.Count(t => !_ledger.Carries(t, write.Body.Signature))),
            ["relayer nonce change (mined)"] = Text(await _ledger.RelayerNonceAsync(pending: false) - before.RelayerNonce),
            ["relayer nonce change (pending)"] = Text(await _ledger.RelayerNonceAsync(pending: true) - before.RelayerPending),
            ["signer's forwarder nonce change"] = Text(await _ledger.ForwarderNonceAsync(signer) - before.ForwarderNonce),
        };
    }

    private static SortedDictionary<string, string> ExpectedRelayFacts() => new(StringComparer.Ordinal)
    {
        ["relayer transactions carrying the request"] = "1",
        ["relayer transactions carrying the request, the output's"] = "1",
        ["relayer transactions, others"] = "0",
        ["relayer nonce change (mined)"] = "1",
        ["relayer nonce change (pending)"] = "1",
        ["signer's forwarder nonce change"] = "1",
    };

    /// <summary>What the chain shows so far (while no host runs): the evidence of how far the killed host got.</summary>
    private async Task NoteChainAsync(CrashRun run, string when, ChainLedger.Point before) =>
        run.Note($"{when}: relayer nonce +{await _ledger.RelayerNonceAsync(pending: false) - before.RelayerNonce}, blocks +{await _ledger.BlockAsync() - before.Block}");

    private static async Task<string> PostAgainAsync(PowerVerseApi api, PreparedWrite write)
    {
        var answer = await api.PostAsync(write);
        return answer.Id == write.Id ? $"{answer.Status} same id" : $"{answer.Status} {answer.Id} {answer.Problem}";
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>What a purchase's recovery host answers once the workflow completed: the buyer's signed read and the same body again.</summary>
    private sealed class AfterFacts
    {
        public string Access { get; private set; } = "not read";

        public string Again { get; private set; } = "not posted";

        public async Task ReadAsync(PowerVerseApi api, PreparedWrite write, BigInteger uid, Wallet buyer)
        {
            var own = await api.GetUsageRightAsync(uid, buyer.Key);
            Access = own.IsSuccess
                ? AccessEndpoint.Of(own.Json) is { } access ? $"{access.User}@{access.Host}:{access.Port}" : "none"
                : $"{own.Status} {own.Problem}";
            Again = await PostAgainAsync(api, write);
        }
    }
}
