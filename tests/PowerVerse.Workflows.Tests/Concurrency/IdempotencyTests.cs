using System.Globalization;
using System.Numerics;
using PowerVerse.Client.Api;
using PowerVerse.Client.Writes;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PowerVerse.Workflows.Tests.Concurrency;

/// <summary>
/// The write API's idempotency (spec: "the same body posted again — also after the workflow finished, and 10 times
/// concurrently — → 202 with the same id, and only one workflow / one on-chain effect"), for a purchase on the real
/// local stack: one workflow in the task hub, one relayed transaction, one <c>Purchased</c> event, the price paid once.
/// </summary>
public sealed class IdempotencyTests(IdempotencyFixture stack, ITestOutputHelper output) : IClassFixture<IdempotencyFixture>
{
    private const string SshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPowerVerseIdempotencyTestsKey pv@test";
    private static readonly TimeSpan WorkflowTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task PostPurchase_SameBodyTwiceInSequence_SameIdOneWorkflowOnePurchasePaidOnce()
    {
        var (buyer, uid, api) = (new Wallet(stack, 5), stack.Listings[0], stack.Api);
        var write = await SignPurchaseAsync(buyer, uid);
        var before = await PurchaseLedger.ReadAsync(stack, buyer.Address);

        var first = await api.PostAsync(write);
        var second = await api.PostAsync(write);

        AssertAccepted(write, first);
        AssertAccepted(write, second);
        await CompletedAsync(api, write);
        await AssertPurchasedOnceAsync(before, write, uid, buyer.Address);
    }

    [Fact]
    public async Task PostPurchase_SameBodyTenTimesConcurrently_SameIdOneWorkflowOnePurchasePaidOnce()
    {
        var (buyer, uid) = (new Wallet(stack, 6), stack.Listings[1]);
        var write = await SignPurchaseAsync(buyer, uid);
        var before = await PurchaseLedger.ReadAsync(stack, buyer.Address);

        // Ten clients of their own (ten connections), released together.
        var clients = Enumerable.Range(0, 10).Select(_ => stack.ApiOf(stack.Host)).ToList();
        using var start = new SemaphoreSlim(0);
        var posts = clients.Select(async api =>
        {
            await start.WaitAsync();
            return await api.PostAsync(write);
        }).ToList();
        start.Release(clients.Count);
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, answer => AssertAccepted(write, answer));
        await CompletedAsync(stack.Api, write);
        await AssertPurchasedOnceAsync(before, write, uid, buyer.Address);
    }

    [Fact]
    public async Task PostPurchase_SameBodyAfterItsWorkflowCompleted_SameIdAndNothingNew()
    {
        var (buyer, uid, api) = (new Wallet(stack, 7), stack.Listings[2], stack.Api);
        var write = await SignPurchaseAsync(buyer, uid);
        var before = await PurchaseLedger.ReadAsync(stack, buyer.Address);
        AssertAccepted(write, await api.PostAsync(write));
        var completed = await CompletedAsync(api, write);
        await AssertPurchasedOnceAsync(before, write, uid, buyer.Address);
        var done = await PurchaseLedger.ReadAsync(stack, buyer.Address);

        var again = await api.PostAsync(write);
        var concurrently = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => stack.ApiOf(stack.Host).PostAsync(write)));

        AssertAccepted(write, again);
        Assert.All(concurrently, answer => AssertAccepted(write, answer));

        // Longer than the indexer's period and the orchestration polling: whatever a repost set off would show by now.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var after = await PurchaseLedger.ReadAsync(stack, buyer.Address);
        Assert.Equal(done.Head, after.Head);
        Assert.Equal(done.RelayerNonce, after.RelayerNonce);
        Assert.Empty(after.NewWorkflowsSince(done));
        Assert.Equal(done.BuyerBalance, after.BuyerBalance);
        var workflow = await api.GetWorkflowAsync(write.Id);
        Assert.NotNull(workflow);
        Assert.True(workflow.IsCompleted, $"{workflow.Status}: {workflow.Failure?.ErrorMessage}");
        Assert.Equal(completed.Result!.TransactionHash, workflow.Result?.TransactionHash);
    }

    /// <summary>
    /// The id of a write is the hash of its request, without the signature; ECDSA signatures are malleable (s and n − s
    /// both recover), and the forwarder takes only the low-s one (EIP-2, OpenZeppelin's ECDSA). Anyone who sees a
    /// buyer's signed body can post its high-s twin first: it must be refused, not take the write's id, so that the
    /// buyer's own post still buys.
    /// </summary>
    [Fact]
    public async Task PostPurchase_HighSTwinPostedFirst_TwinRefusedAndTheBuyersOwnPostBuys()
    {
        var (buyer, uid, api) = (new Wallet(stack, 8), stack.Listings[3], stack.Api);
        var write = await SignPurchaseAsync(buyer, uid);
        var twin = write.Body with { Signature = HighSTwin(write.Body.Signature) };

        var refused = await api.PostAsync(write.Route, twin);
        var before = await PurchaseLedger.ReadAsync(stack, buyer.Address);
        var own = await api.PostAsync(write);

        if (refused.Status != 422 || refused.Problem?.Slug != "invalid-signature")
        {
            // Say what the twin did to the buyer's own write before failing.
            var ended = own.IsAccepted ? (await api.GetAsync("/api/workflows/" + write.Id)).Body?.GetRawText() : null;
            var workflow = own.IsAccepted ? await api.WaitForWorkflowAsync(write.Id, WorkflowTimeout) : null;
            throw new XunitException($"The high-s twin was answered {refused.Status} {refused.Problem?.ToString() ?? refused.Id}; the buyer's own post then "
                + $"{own.Status} {own.Problem?.ToString() ?? own.Id}, whose workflow ended {workflow?.Status}: {workflow?.Failure?.ErrorMessage ?? workflow?.Output?.GetRawText()} (first seen {ended})");
        }

        AssertAccepted(write, own);
        await CompletedAsync(api, write);
        await AssertPurchasedOnceAsync(before, write, uid, buyer.Address);
    }

    /// <summary>The other valid signature of the same signer over the same hash: (r, n − s) with v flipped.</summary>
    private static byte[] HighSTwin(byte[] signature)
    {
        var order = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var s = new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var twin = signature.ToArray();
        Array.Clear(twin, 32, 32);
        var high = (order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        high.CopyTo(twin, 64 - high.Length);
        twin[64] = (byte)(signature[64] == 27 ? 28 : 27);
        return twin;
    }

    /// <summary>The buyer approves the market for twice the price (so a second charge could not fail for want of allowance) and signs the purchase.</summary>
    private async Task<PreparedWrite> SignPurchaseAsync(Wallet buyer, BigInteger uid)
    {
        await buyer.ApproveMarketAsync("TestStablecoin", 2 * DirectListings.Price);
        var write = await buyer.Writes.BuyAsync(uid, stack.Manifest["TestStablecoin"], DirectListings.Price, SshKey);
        output.WriteLine($"UID {uid} bought by {buyer.Address}: workflow {write.Id}");
        return write;
    }

    private static void AssertAccepted(PreparedWrite write, WriteResponse answer)
    {
        Assert.True(answer.IsAccepted, $"refused: {answer.Problem}");
        Assert.Equal(202, answer.Status);
        Assert.Equal(write.Id, answer.Id);
        Assert.Equal($"/api/workflows/{write.Id}", answer.Location);
    }

    private async Task<Workflow> CompletedAsync(PowerVerseApi api, PreparedWrite write)
    {
        Workflow workflow;
        try
        {
            workflow = await api.WaitForWorkflowAsync(write.Id, WorkflowTimeout);
        }
        catch (TimeoutException e)
        {
            throw new XunitException($"{e.Message}\n{stack.Logs()}");
        }

        if (!workflow.IsCompleted || workflow.Result is not { } result)
        {
            throw new XunitException($"Purchase {write.Id} ended {workflow.Status}: {workflow.Failure?.ErrorType}: {workflow.Failure?.ErrorMessage}\n{stack.Logs()}");
        }

        output.WriteLine($"  {workflow.Name} {workflow.Status}: {result}");
        Assert.Equal("Purchased", result.Event);
        Assert.NotNull(result.Access);
        return workflow;
    }

    /// <summary>Since <paramref name="before"/>: one workflow (this one), one relayed transaction, one sale of the UID, its price paid once.</summary>
    private async Task AssertPurchasedOnceAsync(PurchaseLedger before, PreparedWrite write, BigInteger uid, string buyer)
    {
        var after = await PurchaseLedger.ReadAsync(stack, buyer);
        Assert.Equal([write.Id], after.NewWorkflowsSince(before));
        Assert.Equal(before.RelayerNonce + 1, after.RelayerNonce);
        var sales = (await ChainRecord.PurchasesAsync(stack, before.Head + 1, after.Head)).Where(e => e.Number("uid") == uid).ToList();
        var sale = Assert.Single(sales);
        Assert.True(ApiJson.SameAddress(buyer, sale.Address("buyer")));
        Assert.Equal(DirectListings.Price, before.BuyerBalance - after.BuyerBalance);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  one sale in block {sale.BlockNumber}; relayer nonce {before.RelayerNonce} → {after.RelayerNonce}; paid {before.BuyerBalance - after.BuyerBalance}"));
    }
}
