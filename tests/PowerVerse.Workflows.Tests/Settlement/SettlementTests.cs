using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;
using PowerVerse.Chain.Contracts;
using PowerVerse.Client.Api;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Workflows.Tests.Settlement;

/// <summary>
/// The settlement timer and its workflow (DESIGN §2, SLA-backed escrow): a rental that ended is settled once, after
/// the buyer is refunded floor(price · proven downtime / duration), the downtime measured from the VID's finished
/// proofs; the fee goes to the treasury (part burned for PVC) and the rest to the RID holders. Rentals and proofs are
/// set up with the parties' own transactions; the local host's timer and workflow do the settling.
/// </summary>
[Collection(SettlementStackTests.Name)]
public sealed class SettlementTests(SettlementFixture stack, ITestOutputHelper output)
{
    private const int BuyerAccount = 9;
    private const int HolderA = 6;
    private const int HolderB = 7;
    private const int AnyoneAccount = 8;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Settle_MissedThenVerifiedProofInRental_RefundsProvenDowntimeThenPaysFeeAndIncome()
    {
        await stack.StopAllHostsAsync();
        var run = new SettlementRun(stack, output);
        var (market, book) = (new SettlementMarket(stack), new ChainBook(stack));
        using var challenger = new TestChallenger(stack);
        await using var agent = await PrivateAgent.StartAsync(stack);
        var vid = await market.ResourceAsync(await market.StakedHardwareAsync(agent.Process), 500);
        var buyer = new Wallet(stack, BuyerAccount);
        var (holderA, holderB) = (new Wallet(stack, HolderA).Address, new Wallet(stack, HolderB).Address);
        var price = BigInteger.Parse("1234567890123456789013", CultureInfo.InvariantCulture);
        await buyer.ApproveMarketAsync("PowerVerseCoin", price);
        var before = await book.SnapshotAsync("PowerVerseCoin", [buyer.Address]);
        var rental = await market.RentAsync(vid, 3_600, "PowerVerseCoin", price, [(holderA, 600), (holderB, 400)], buyer);
        var bought = await book.SnapshotAsync("PowerVerseCoin", [buyer.Address]);
        run.Note($"UID {rental.Uid} of VID {vid} rented for [{rental.Start}, {rental.End})");

        // A missed proof a tenth of the way in, then a proof the real agent solves, half way in: down from one to the other.
        await run.WarpToAsync(rental.Start + 600);
        var missed = await challenger.DispatchUnansweredAsync(vid);
        await run.WarpToAsync((long)(await book.ChallengeAsync(missed)).Deadline + 1);
        await challenger.ExpireAsync(missed);
        await run.WarpToAsync(rental.Start + 1_800);
        var salt = RandomNumberGenerator.GetBytes(32);
        var verified = await challenger.DispatchAsync(vid, salt);
        var challenge = await book.ChallengeAsync(verified);
        var solving = Stopwatch.StartNew();
        var result = await agent.SolveAsync(verified, vid, Sha3Keccack.Current.CalculateHash([.. challenge.Entropy, .. salt]), challenge.Difficulty, challenge.Shares,
            (long)challenge.IssuedAt, (long)challenge.Deadline, stack.Manifest["ProofOfCompute"], TimeSpan.FromSeconds(90));
        await challenger.SubmitAsync(verified, salt, result, (ulong)Math.Max(1, solving.ElapsedMilliseconds));
        run.Note($"challenge {missed} missed, {verified} verified ({result.Nonces.Count} nonces in {solving.ElapsedMilliseconds} ms)");

        var proofs = (await book.ProofsAsync()).Where(p => p.Vid == vid).ToList();
        var downtime = SlaDowntime.Within(proofs, rental.Start, rental.End);
        var refund = SlaDowntime.Refund(price, downtime, rental.Duration);
        Assert.Equal((long)((await book.ChallengeAsync(verified)).IssuedAt - (await book.ChallengeAsync(missed)).IssuedAt), downtime);
        Assert.True(refund > 0 && refund < price, $"refund {refund} of {price}");

        await run.WarpToAsync(rental.End + 1);
        var host = await stack.StartSettlementHostAsync();
        var api = stack.ApiOf(host);
        Workflow workflow;
        try
        {
            workflow = (await run.CompletedAsync(api, [rental.WorkflowId], SettleTimeout))[rental.WorkflowId];
            var order = await OrderViewAsync(api, buyer.Address, rental.Uid);
            var after = await book.SnapshotAsync("PowerVerseCoin", [buyer.Address]);
            var refunds = (await book.MarketEventsAsync("Refunded"))[rental.Uid].ToList();
            var settled = (await book.MarketEventsAsync("Settled"))[rental.Uid].ToList();
            var chainOrder = await book.Views.OrderAsync(rental.Uid);
            var fee = (price - refund) * chainOrder.FeeBps / 10_000;
            var burned = fee * chainOrder.BurnShareBps / 10_000;
            var income = price - refund - fee;
            var output = workflow.Output!.Value;

            // Then the RID holders' income is released over the rental's duration.
            await run.WarpToAsync(await run.ChainNowAsync() + rental.Duration + 1);
            var claimA = await book.Views.ClaimableAsync(vid, "PowerVerseCoin", holderA);
            var claimB = await book.Views.ClaimableAsync(vid, "PowerVerseCoin", holderB);

            var expected = new Dictionary<string, string>
            {
                ["workflow"] = "Settlement Completed done",
                ["output downtime, refund, settlement"] = $"{downtime} refunded {refund} settled {fee} {burned} {income}",
                ["output missed challenges"] = $"[\"{missed}\"]",
                ["Refunded events (amount, downtime, reason)"] = $"{refund} {downtime} {Reason(missed)}",
                ["Settled events (fee, burned, income)"] = $"{fee} {burned} {income}",
                ["buyer's refund"] = Text(refund),
                ["treasury's fee"] = Text(fee - burned),
                ["PVC burned"] = Text(burned),
                ["RevenueRights' income"] = Text(income),
                ["market escrow released"] = Text(price),
                ["market totals (paid in, paid out, refunded)"] = $"{price} {price - refund} {refund}",
                ["order on chain"] = $"state 3 refunded {refund}",
                ["order in the API"] = $"settled {refund}",
                ["holders' claimable (60 %, 40 % of the income, floor, at most 1 unit short)"] = "True True",
            };
            var actual = new Dictionary<string, string>
            {
                ["workflow"] = $"{workflow.Name} {workflow.Status} {workflow.CurrentStep}",
                ["output downtime, refund, settlement"] =
                    $"{output.GetProperty("downtimeSeconds").GetInt64()} {Out(output, "refund", "outcome")} {Out(output, "refund", "amount")} "
                    + $"{Out(output, "settlement", "outcome")} {Out(output, "settlement", "fee")} {Out(output, "settlement", "burned")} {Out(output, "settlement", "income")}",
                ["output missed challenges"] = output.GetProperty("missedChallenges").GetRawText(),
                ["Refunded events (amount, downtime, reason)"] = string.Join(" | ", refunds.Select(e => $"{e.Number("amount")} {e.Number("downtimeSeconds")} {((byte[])e.Arguments["reason"]!).ToHex(prefix: true)}")),
                ["Settled events (fee, burned, income)"] = string.Join(" | ", settled.Select(e => $"{e.Number("fee")} {e.Number("burned")} {e.Number("income")}")),
                ["buyer's refund"] = Text(after.Buyers - bought.Buyers),
                ["treasury's fee"] = Text(after.Treasury - bought.Treasury),
                ["PVC burned"] = Text(bought.Supply - after.Supply),
                ["RevenueRights' income"] = Text(after.Revenue - bought.Revenue),
                ["market escrow released"] = Text(bought.Market - after.Market),
                ["market totals (paid in, paid out, refunded)"] = $"{after.PaidIn - before.PaidIn} {after.PaidOut - before.PaidOut} {after.Refunded - before.Refunded}",
                ["order on chain"] = $"state {chainOrder.State} refunded {chainOrder.Refunded}",
                ["order in the API"] = $"{order.Text("state")} {order.Text("refunded")}",
                ["holders' claimable (60 %, 40 % of the income, floor, at most 1 unit short)"] = $"{Near(claimA, income * 600 / 1_000)} {Near(claimB, income * 400 / 1_000)}",
            };
            run.Note($"downtime {downtime} s of {rental.Duration}: refund {refund}, fee {fee} ({burned} burned), income {income}; claimable {claimA} + {claimB}");
            Assert.Equal(expected, actual);
        }
        finally
        {
            await stack.StopAllHostsAsync();
        }
    }


    /// <summary>
    /// The host SIGKILLed just before the refund's or the settlement's completion is recorded: the activity runs again
    /// on the next host, finds its transaction in the challenger's journal and sends nothing new — one refund, one
    /// settlement, the buyer refunded once.
    /// </summary>
    [Theory]
    [InlineData("Refund:completing")]
    [InlineData("Settle:completing")]
    public async Task Settle_HostKilledAtActivityBoundary_RefundsOnceAndSettlesOnce(string killAt)
    {
        await stack.StopAllHostsAsync();
        var run = new SettlementRun(stack, output);
        var (market, book) = (new SettlementMarket(stack), new ChainBook(stack));
        using var challenger = new TestChallenger(stack);
        var vid = await market.ResourceAsync(await market.StakedHardwareAsync(stack.Agent), 500);
        var buyer = new Wallet(stack, BuyerAccount);
        var price = (10 * MarketSteps.Usd) + 7;
        await buyer.ApproveMarketAsync("TestStablecoin", price);
        var rental = await market.RentAsync(vid, 1_800, "TestStablecoin", price, [(new Wallet(stack, HolderA).Address, 1_000)], buyer);
        var bought = await book.SnapshotAsync("TestStablecoin", [buyer.Address]);
        await run.WarpToAsync(rental.Start + 300);
        var missed = await challenger.DispatchUnansweredAsync(vid);
        await run.WarpToAsync((long)(await book.ChallengeAsync(missed)).Deadline + 1);
        await challenger.ExpireAsync(missed);
        await run.WarpToAsync(rental.End + 1);
        var downtime = SlaDowntime.Within([.. (await book.ProofsAsync()).Where(p => p.Vid == vid)], rental.Start, rental.End);
        var refund = SlaDowntime.Refund(price, downtime, rental.Duration);

        var crashing = await stack.StartSettlementHostAsync(killAt);
        try
        {
            run.Note($"host with LocalHost__KillAt={killAt} on {crashing.Port}; UID {rental.Uid} ended, downtime {downtime} s");
            var exit = await crashing.WaitForExitAsync(TimeSpan.FromSeconds(120));
            var line = $"local host: killing itself at {killAt} (instance {rental.WorkflowId}";
            if (exit != 137 || !crashing.Output.Contains(line, StringComparison.Ordinal))
            {
                throw await run.FailureAsync($"The host exited with {exit}; expected SIGKILL (137) after '{line}'.", null, []);
            }

            run.Note($"killed itself at {killAt}");
        }
        finally
        {
            await stack.StopAllHostsAsync();
        }

        var host = await stack.StartSettlementHostAsync();
        try
        {
            var workflow = (await run.CompletedAsync(stack.ApiOf(host), [rental.WorkflowId], SettleTimeout))[rental.WorkflowId];
            var after = await book.SnapshotAsync("TestStablecoin", [buyer.Address]);
            var refunds = (await book.MarketEventsAsync("Refunded"))[rental.Uid].Select(e => Text(e.Number("amount"))).ToList();
            var settlements = (await book.MarketEventsAsync("Settled"))[rental.Uid].Count();
            var output = workflow.Output!.Value;
            Assert.Equal(
                $"refunded {refund} settled; Refunded [{refund}]; Settled 1; buyer +{refund}; escrow -{price}",
                $"{Out(output, "refund", "outcome")} {Out(output, "refund", "amount")} {Out(output, "settlement", "outcome")}; Refunded [{string.Join(",", refunds)}]; "
                + $"Settled {settlements}; buyer +{after.Buyers - bought.Buyers}; escrow -{bought.Market - after.Market}");
        }
        finally
        {
            await stack.StopAllHostsAsync();
        }
    }

    /// <summary>
    /// After the dispute window anyone may settle; a refund is then impossible once someone has. The workflow, stopped
    /// (its host SIGKILLed) after it measured the downtime, finds the order settled by another account when it comes
    /// back: the refund is forfeited and the settlement already made — outcomes, and the workflow completes.
    /// </summary>
    [Fact]
    public async Task Settle_SettledByAnotherAfterTheDisputeWindow_RefundForfeitedAndAlreadySettledAreOutcomes()
    {
        await stack.StopAllHostsAsync();
        var run = new SettlementRun(stack, output);
        var (market, book) = (new SettlementMarket(stack), new ChainBook(stack));
        using var challenger = new TestChallenger(stack);
        var vid = await market.ResourceAsync(await market.StakedHardwareAsync(stack.Agent), 500);
        var buyer = new Wallet(stack, BuyerAccount);
        var price = (3 * MarketSteps.Usd) + 1;
        await buyer.ApproveMarketAsync("TestStablecoin", price);
        var rental = await market.RentAsync(vid, 1_200, "TestStablecoin", price, [(new Wallet(stack, HolderB).Address, 1_000)], buyer);
        var bought = await book.SnapshotAsync("TestStablecoin", [buyer.Address]);
        await run.WarpToAsync(rental.Start + 100);
        var missed = await challenger.DispatchUnansweredAsync(vid);
        await run.WarpToAsync((long)(await book.ChallengeAsync(missed)).Deadline + 1);
        await challenger.ExpireAsync(missed);
        await run.WarpToAsync(rental.End + 1);

        const string killAt = "SettlementProofs:completed";
        var crashing = await stack.StartSettlementHostAsync(killAt);
        try
        {
            var exit = await crashing.WaitForExitAsync(TimeSpan.FromSeconds(120));
            var line = $"local host: killing itself at {killAt} (instance {rental.WorkflowId}";
            if (exit != 137 || !crashing.Output.Contains(line, StringComparison.Ordinal))
            {
                throw await run.FailureAsync($"The host exited with {exit}; expected SIGKILL (137) after '{line}'.", null, []);
            }
        }
        finally
        {
            await stack.StopAllHostsAsync();
        }

        var window = await stack.Web3.Eth.GetContractQueryHandler<DisputeWindowFunction>().QueryAsync<uint>(stack.Manifest["PowerParams"], new DisputeWindowFunction());
        await run.WarpToAsync(rental.End + window + 1);
        await new Wallet(stack, AnyoneAccount).SettleAsync(rental.Uid);
        run.Note($"downtime measured, host killed; UID {rental.Uid} settled by account #{AnyoneAccount} after the {window} s dispute window");

        var host = await stack.StartSettlementHostAsync();
        try
        {
            var workflow = (await run.CompletedAsync(stack.ApiOf(host), [rental.WorkflowId], SettleTimeout))[rental.WorkflowId];
            var after = await book.SnapshotAsync("TestStablecoin", [buyer.Address]);
            var output = workflow.Output!.Value;
            Assert.Equal(
                "forfeited 0 already-settled; Refunded 0; Settled 1; buyer +0",
                $"{Out(output, "refund", "outcome")} {Out(output, "refund", "amount")} {Out(output, "settlement", "outcome")}; "
                + $"Refunded {(await book.MarketEventsAsync("Refunded"))[rental.Uid].Count()}; Settled {(await book.MarketEventsAsync("Settled"))[rental.Uid].Count()}; "
                + $"buyer +{after.Buyers - bought.Buyers}");
            Assert.True(output.GetProperty("downtimeSeconds").GetInt64() > 0, "the workflow measured no downtime");
        }
        finally
        {
            await stack.StopAllHostsAsync();
        }
    }

    /// <summary>keccak256(abi.encodePacked(uint256[] ids)): the reason the workflow documents for its refunds.</summary>
    private static string Reason(params BigInteger[] missed) =>
        Sha3Keccack.Current.CalculateHash([.. missed.SelectMany(Word)]).ToHex(prefix: true);

    private static byte[] Word(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[32 - bytes.Length], .. bytes];
    }

    private static bool Near(BigInteger actual, BigInteger floor) => actual <= floor && actual >= floor - 1;

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Out(JsonElement output, string part, string name) => output.GetProperty(part).Text(name);

    /// <summary>The UID's sale in <c>/api/orders/usage-rights</c>, as the account's history shows it.</summary>
    private static async Task<JsonElement> OrderViewAsync(PowerVerseApi api, string account, BigInteger uid)
    {
        string? token = null;
        do
        {
            var page = (await api.GetAsync($"/api/orders/usage-rights?account={account}&pageSize=100" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token)))).Json;
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                if (item.Text("uid") == Text(uid))
                {
                    return item;
                }
            }

            token = page.GetProperty("continuationToken").ValueKind == JsonValueKind.String ? page.GetProperty("continuationToken").GetString() : null;
        }
        while (token is not null);
        throw new Xunit.Sdk.XunitException($"/api/orders/usage-rights?account={account} does not list UID {uid}.");
    }
}
