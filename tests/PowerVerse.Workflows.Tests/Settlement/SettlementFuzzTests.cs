using System.Globalization;
using System.Numerics;
using System.Text.Json;
using PowerVerse.Chain.Contracts;
using PowerVerse.Client.Api;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Workflows.Tests.Settlement;

/// <summary>
/// Settlement over many random rentals (fixed seed, printed): random VIDs, durations, prices and payment tokens (PVC and
/// tUSD), random missed proofs before, during and between them. The settlement timer and workflow settle them all, each
/// round's as it ends while the next is set up;
/// then, per token and to the unit, what the buyers paid in equals what the RID holders received plus what was
/// refunded plus the fees (to the treasury, and burned) — each measured from balances, and equal to the market's own
/// totals — and every order's refund is the test's own floor(price · proven downtime / duration).
/// </summary>
[Collection(SettlementStackTests.Name)]
public sealed class SettlementFuzzTests(SettlementFixture stack, ITestOutputHelper output)
{
    private const int Seed = 20_261_207;
    private const int Rentals = 100;
    private const int Rounds = 5;
    private const int Vids = 60;
    private const double MissInRental = 0.35;
    private const double MissOutsideRentals = 0.05;
    private static readonly string[] Tokens = ["PowerVerseCoin", "TestStablecoin"];
    private static readonly int[] BuyerAccounts = [5, 9];
    private static readonly int[] HolderAccounts = [4, 6, 7, 8];

    [Fact]
    public async Task Settle_HundredRandomRentals_ConservesEachTokenToTheUnit()
    {
        await stack.StopAllHostsAsync();
        var random = new Random(Seed);
        var run = new SettlementRun(stack, output);
        run.Note($"seed {Seed}: {Rentals} rentals in {Rounds} rounds on {Vids} VIDs; a missed proof during a rental with probability {MissInRental}, "
            + $"on a VID not rented in a round with probability {MissOutsideRentals}");
        var (market, book) = (new SettlementMarket(stack), new ChainBook(stack));
        using var challenger = new TestChallenger(stack);
        var buyers = BuyerAccounts.Select(a => new Wallet(stack, a)).ToList();
        var buyerAddresses = buyers.Select(b => b.Address).ToList();
        var before = await SnapshotsAsync(book, buyerAddresses);

        // The host runs all along, as the app does: its timer settles each round's rentals once they end, while the
        // market goes on (the test's challenges share the challenger's journal with it).
        var host = await stack.StartSettlementHostAsync();
        try
        {
            var api = stack.ApiOf(host);
            foreach (var buyer in buyers)
            {
                foreach (var token in Tokens)
                {
                    await buyer.ApproveMarketAsync(token, BigInteger.Pow(10, 30));
                }
            }

            var vids = new List<(BigInteger Vid, (string, BigInteger)[] Holders)>();
            for (var h = 0; h < 2; h++)
            {
                var hid = await market.StakedHardwareAsync(stack.Agent);
                for (var i = 0; i < Vids / 2; i++)
                {
                    vids.Add((await market.ResourceAsync(hid, (ushort)random.Next(100, 301)), Holders(random)));
                }
            }

            var rentals = new List<Rental>();
            for (var round = 0; round < Rounds; round++)
            {
                rentals.AddRange(await RoundAsync(run, market, challenger, random, vids, buyers, Rentals / Rounds));
            }

            await run.WarpToAsync(rentals.Max(r => r.End) + 1);
            var proofs = await book.ProofsAsync();
            var expected = rentals.ToDictionary(r => r.Uid, r => SlaDowntime.Within([.. proofs.Where(p => p.Vid == r.Vid)], r.Start, r.End));
            run.Note($"set up: {rentals.Count} rentals, {proofs.Count(p => p.Missed)} missed proofs; {expected.Count(e => e.Value > 0)} rentals with proven downtime, "
                + $"{rentals.Count(r => expected[r.Uid] == r.Duration)} of them down throughout");

            await UntilSettledAsync(run, market.Views, rentals, api);
            var workflows = await run.CompletedAsync(api, [.. rentals.Select(r => r.WorkflowId)], TimeSpan.FromSeconds(60));
            var after = await SnapshotsAsync(book, buyerAddresses);
            var refunds = await book.MarketEventsAsync("Refunded");
            var settlements = await book.MarketEventsAsync("Settled");
            var chainOrders = new Dictionary<BigInteger, MarketOrder>();
            foreach (var r in rentals)
            {
                chainOrders[r.Uid] = await market.Views.OrderAsync(r.Uid);
            }

            // The read model is eventually consistent where several indexers run (one may re-apply an order's older event
            // after another applied its newer one, until it applies the newer one too; seen with two hosts). So the API is
            // asked again for a while; what the chain and the workflows say does not change.
            var asked = System.Diagnostics.Stopwatch.StartNew();
            List<string> wrong;
            while (true)
            {
                var orders = await OrdersAsync(api);
                wrong = [.. rentals.Select(r => Difference(r, expected[r.Uid], chainOrders[r.Uid], refunds, settlements, workflows, orders)).OfType<string>()];
                if (wrong.Count == 0 || asked.Elapsed > TimeSpan.FromSeconds(30))
                {
                    break;
                }

                run.Note($"{wrong.Count} orders differ, e.g. {wrong[0]}; asking the API again");
                await Task.Delay(TimeSpan.FromSeconds(2));
            }

            Assert.True(wrong.Count == 0, $"{wrong.Count} of {rentals.Count} orders differ:\n{string.Join("\n", wrong.Take(10))}");
            foreach (var token in Tokens)
            {
                AssertConserved(run, token, rentals.Where(r => r.Token == token).ToList(), expected, before[token], after[token]);
            }
        }
        finally
        {
            await stack.StopAllHostsAsync();
        }

        run.Note($"done in {run.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>
    /// What differs for one order between the test's own expectation (refund floor(price · downtime / duration), then
    /// the fee on the rest and the income) and the chain's events, the workflow's output and the API; null when nothing.
    /// </summary>
    private static string? Difference(
        Rental r, long downtime, MarketOrder order, ILookup<BigInteger, Chain.Events.DecodedEvent> refunds, ILookup<BigInteger, Chain.Events.DecodedEvent> settlements,
        IReadOnlyDictionary<string, Workflow> workflows, Dictionary<BigInteger, (string State, string Refunded)> orders)
    {
        var refund = SlaDowntime.Refund(r.Price, downtime, r.Duration);
        var fee = (r.Price - refund) * order.FeeBps / 10_000;
        var want = $"refunds [{(downtime > 0 ? $"{refund}@{downtime}" : string.Empty)}] settled [{fee}+{r.Price - refund - fee}] workflow {downtime} api settled {refund}";
        var got = $"refunds [{string.Join(",", refunds[r.Uid].Select(e => $"{e.Number("amount")}@{e.Number("downtimeSeconds")}"))}] "
            + $"settled [{string.Join(",", settlements[r.Uid].Select(e => $"{e.Number("fee")}+{e.Number("income")}"))}] "
            + $"workflow {workflows[r.WorkflowId].Output!.Value.GetProperty("downtimeSeconds").GetInt64()} "
            + $"api {(orders.TryGetValue(r.Uid, out var o) ? $"{o.State} {o.Refunded}" : "missing")}";
        return want == got ? null : $"UID {r.Uid} (VID {r.Vid}, [{r.Start}, {r.End}), {r.Price} {r.Token}): expected {want}, got {got}";
    }

    /// <summary>
    /// Per token: paid in (the buyers' balance decreases in their purchases' blocks) = paid out to RID holders
    /// (RevenueRights' balance up) + refunded (the buyers' balances up again: their net change plus what they paid) +
    /// fees (the treasury's balance up, plus the supply burned), to the unit; the same as the market's totals(), as the
    /// orders' prices, and as the refunds the test computed; the escrow back to where it was.
    /// </summary>
    private static void AssertConserved(
        SettlementRun run, string token, List<Rental> rentals, Dictionary<BigInteger, long> downtime, TokenSnapshot before, TokenSnapshot after)
    {
        var paidIn = rentals.Aggregate(BigInteger.Zero, (sum, r) => sum + r.Paid);
        var refunded = after.Buyers - before.Buyers + paidIn;
        var income = after.Revenue - before.Revenue;
        var treasury = after.Treasury - before.Treasury;
        var burned = before.Supply - after.Supply;
        var fees = treasury + burned;
        run.Note($"{token} ({rentals.Count} rentals): paid in {paidIn} = income {income} + refunded {refunded} + fees {fees} (treasury {treasury}, burned {burned}); "
            + $"difference {paidIn - (income + refunded + fees)}");
        var expected = new Dictionary<string, BigInteger>
        {
            ["paid in − (income + refunded + fees)"] = 0,
            ["paid in"] = rentals.Aggregate(BigInteger.Zero, (sum, r) => sum + r.Price),
            ["refunded"] = rentals.Aggregate(BigInteger.Zero, (sum, r) => sum + SlaDowntime.Refund(r.Price, downtime[r.Uid], r.Duration)),
            ["totals() paid in"] = paidIn,
            ["totals() paid out"] = income + fees,
            ["totals() refunded"] = refunded,
            ["escrow left"] = 0,
        };
        var actual = new Dictionary<string, BigInteger>
        {
            ["paid in − (income + refunded + fees)"] = paidIn - (income + refunded + fees),
            ["paid in"] = paidIn,
            ["refunded"] = refunded,
            ["totals() paid in"] = after.PaidIn - before.PaidIn,
            ["totals() paid out"] = after.PaidOut - before.PaidOut,
            ["totals() refunded"] = after.Refunded - before.Refunded,
            ["escrow left"] = after.Market - before.Market,
        };
        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// One round: rentals of distinct random VIDs bought at the round's start, and random missed proofs, most during a
    /// rental, some on VIDs not rented in the round (downtime with no verified proof after it runs on into the VID's
    /// later rentals), each dispatched then expired past its deadline, all in chain-time order. The next round starts after every rental and challenge of this one ended.
    /// </summary>
    private static async Task<IReadOnlyList<Rental>> RoundAsync(
        SettlementRun run, SettlementMarket market, TestChallenger challenger, Random random,
        List<(BigInteger Vid, (string, BigInteger)[] Holders)> vids, List<Wallet> buyers, int count)
    {
        var start = await run.ChainNowAsync();
        var rentals = new List<Rental>();
        foreach (var (vid, holders) in vids.OrderBy(_ => random.Next()).Take(count).ToList())
        {
            var token = Tokens[random.Next(Tokens.Length)];
            var price = token == "PowerVerseCoin" ? RandomAmount(random, 15, 22) : RandomAmount(random, 3, 10);
            rentals.Add(await market.RentAsync(vid, (uint)random.Next(300, 3_001), token, price, holders, buyers[random.Next(buyers.Count)]));
        }

        var events = new List<(long At, BigInteger Vid, bool Expire)>();
        foreach (var r in rentals.Where(_ => random.NextDouble() < MissInRental))
        {
            events.Add((r.Start + random.NextInt64(0, r.Duration), r.Vid, false));
        }

        var rented = rentals.Select(r => r.Vid).ToHashSet();
        foreach (var (vid, _) in vids.Where(v => !rented.Contains(v.Vid) && random.NextDouble() < MissOutsideRentals))
        {
            events.Add((start + random.Next(0, 3_000), vid, false));
        }

        var open = new Dictionary<BigInteger, BigInteger>();
        var end = rentals.Max(r => r.End);
        var queue = new PriorityQueue<(BigInteger Vid, bool Expire), long>(events.Select(e => ((e.Vid, e.Expire), e.At)));
        while (queue.TryDequeue(out var item, out var at))
        {
            await run.WarpToAsync(at);
            if (item.Expire)
            {
                await challenger.ExpireAsync(open[item.Vid]);
                continue;
            }

            var id = await challenger.DispatchUnansweredAsync(item.Vid);
            open[item.Vid] = id;
            var deadline = (long)(await challenger.ChallengeAsync(id)).Deadline;
            queue.Enqueue((item.Vid, true), deadline + 1);
            end = Math.Max(end, deadline + 1);
        }

        await run.WarpToAsync(end + 1 + random.Next(0, 600));
        return rentals;
    }

    /// <summary>A VID's RID beneficiaries: one to three of the holder accounts, shares summing to the GPU weight 1000.</summary>
    private (string, BigInteger)[] Holders(Random random)
    {
        var accounts = HolderAccounts.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
        var cuts = Enumerable.Range(0, accounts.Count - 1).Select(_ => random.Next(1, 1_000)).Distinct().Order().ToList();
        var bounds = cuts.Prepend(0).Append(1_000).ToList();
        return [.. accounts.Take(bounds.Count - 1).Select((a, i) => (new Wallet(stack, a).Address, (BigInteger)(bounds[i + 1] - bounds[i])))];
    }

    /// <summary>A random amount with <paramref name="minDigits"/> to <paramref name="maxDigits"/> digits, any last digits (so the refund and fee divisions round).</summary>
    private static BigInteger RandomAmount(Random random, int minDigits, int maxDigits)
    {
        var digits = random.Next(minDigits, maxDigits + 1);
        var text = string.Concat(Enumerable.Range(0, digits).Select(i => (char)('0' + (i == 0 ? random.Next(1, 10) : random.Next(0, 10)))));
        return BigInteger.Parse(text, CultureInfo.InvariantCulture);
    }

    private static async Task<Dictionary<string, TokenSnapshot>> SnapshotsAsync(ChainBook book, IReadOnlyList<string> buyers)
    {
        var snapshots = new Dictionary<string, TokenSnapshot>(StringComparer.Ordinal);
        foreach (var token in Tokens)
        {
            snapshots[token] = await book.SnapshotAsync(token, buyers);
        }

        return snapshots;
    }

    /// <summary>Waits until the chain shows every order settled (cheaper to ask than a hundred workflows).</summary>
    private static async Task UntilSettledAsync(SettlementRun run, ChainViews views, List<Rental> rentals, PowerVerseApi api)
    {
        var pending = rentals.ToList();
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while (pending.Count > 0)
        {
            var still = new List<Rental>();
            foreach (var r in pending)
            {
                if ((await views.OrderAsync(r.Uid)).State != MarketOrder.Settled)
                {
                    still.Add(r);
                }
            }

            if (still.Count != pending.Count)
            {
                run.Note($"{rentals.Count - still.Count} of {rentals.Count} orders settled on chain");
                // Settling goes on as long as orders keep settling: a loaded machine is slower, a stuck one stops.
                waiting.Restart();
            }

            pending = still;
            if (pending.Count > 0)
            {
                if (waiting.Elapsed > TimeSpan.FromSeconds(120))
                {
                    throw await run.FailureAsync($"{pending.Count} orders were not settled, and none settled in the last {waiting.Elapsed}.", api, pending.Take(3).Select(r => r.WorkflowId));
                }

                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>Every sale in <c>/api/orders/usage-rights</c>: its state and refunded amount, by UID.</summary>
    private static async Task<Dictionary<BigInteger, (string State, string Refunded)>> OrdersAsync(PowerVerseApi api)
    {
        var orders = new Dictionary<BigInteger, (string, string)>();
        string? token = null;
        do
        {
            var page = (await api.GetAsync("/api/orders/usage-rights?pageSize=100" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token)))).Json;
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                orders[item.Number("uid")] = (item.Text("state")!, item.Text("refunded")!);
            }

            token = page.GetProperty("continuationToken").ValueKind == JsonValueKind.String ? page.GetProperty("continuationToken").GetString() : null;
        }
        while (token is not null);
        return orders;
    }
}
