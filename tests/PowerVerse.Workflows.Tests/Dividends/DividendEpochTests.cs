using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Azure.Storage.Queues;
using PowerVerse.Chain.Contracts;
using PowerVerse.Client.Api;
using PowerVerse.Domain.Dividends;
using PowerVerse.Testing;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Workflows.Tests.Dividends;

/// <summary>
/// A monthly dividend epoch end to end on the local stack: three providers list a resource each and prove it online
/// with a real gpu-agent; one of them also misses a challenge and is slashed. After the month the dividend workflow,
/// started through its <c>dividend-runs</c> queue, snapshots the read model, scores the accounts, posts and funds the
/// Merkle root from the settler; every claim goes through the write API and verifies on chain, a second claim is refused.
/// </summary>
public sealed class DividendEpochTests(DividendStackFixture stack, ITestOutputHelper output) : IClassFixture<DividendStackFixture>
{
    [Fact]
    public async Task MonthlyEpoch_ThreeProvidersOneViolation_ClaimsVerifyOnChainOnceAndTheTreeIsFundedExactly()
    {
        var writes = new WriteRunner(stack, output);
        var steps = new MarketSteps(stack, writes);
        var api = stack.Api;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // The month: the one after the chain's, entered on its first day, so all of it lies ahead.
        var month = DividendPeriod.Of(await stack.Clock.NowAsync()).Next;
        await stack.Clock.AdvanceAsync((long)(month.Start.AddHours(6) - await stack.Clock.NowAsync()).TotalSeconds);
        await using var agent = await ProvingAgent.StartAsync(stack);

        // Three providers, each with a listed resource on a GPU of the test's agent.
        var providers = new[] { new Wallet(stack, 4), new Wallet(stack, 5), new Wallet(stack, 6) };
        var listed = await Task.WhenAll(providers.Select(p => ListedResourceAsync(p, agent, steps, writes)));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F0} s: listed VIDs {string.Join(", ", listed.Select(l => l.Vid))}");

        // Each proves its resource online; the third also misses a challenge and is slashed for it.
        await Task.WhenAll(listed.Select((l, i) => agent.ProveAsync(l.Vid, providers[i])));
        var violator = providers[2];
        await agent.MissAsync(listed[2].Vid, listed[2].Hid);
        var ranks = await Task.WhenAll(listed.Select(l => RankAfterAsync(l.Vid, proofs: l == listed[2] ? 2 : 1)));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F0} s: published scores {string.Join(", ", ranks)}");
        Assert.All(ranks, score => Assert.True(score > 0));

        // The month ends; its dividend runs (as the timer on the 1st would, here on demand).
        var settlerBefore = await BalanceAsync(stack.Manifest.Roles["settler"]);
        await stack.Clock.AdvanceAsync((long)(month.End.AddHours(1) - await stack.Clock.NowAsync()).TotalSeconds);
        var run = await RunDividendAsync(month);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F0} s: {run.GetRawText()}");

        // Independently: the violator scores 0, the others share the pool by their published scores, rounded down.
        var totalScore = ranks[0] + ranks[1];
        var expected = new[] { DividendStackFixture.Pool * ranks[0] / totalScore, DividendStackFixture.Pool * ranks[1] / totalScore };
        Assert.Equal("funded", run.GetProperty("state").GetString());
        var lines = run.GetProperty("accounts").EnumerateArray().ToDictionary(a => a.GetProperty("account").GetString()!, a => a, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(3, lines.Count);
        Assert.True(lines[violator.Address].GetProperty("violation").GetBoolean());
        Assert.Equal("0", lines[violator.Address].GetProperty("amount").GetString());
        for (var i = 0; i < 2; i++)
        {
            Assert.False(lines[providers[i].Address].GetProperty("violation").GetBoolean());
            Assert.Equal(Text(ranks[i]), lines[providers[i].Address].GetProperty("score").GetString());
            Assert.Equal(Text(expected[i]), lines[providers[i].Address].GetProperty("amount").GetString());
        }

        // Funded with exactly the tree's total, from the settler.
        var epoch = Number(run.GetProperty("epoch").GetString()!);
        var onChain = (await stack.Web3.Eth.GetContractQueryHandler<EpochOfFunction>()
            .QueryDeserializingToObjectAsync<EpochOutput>(new EpochOfFunction { Epoch = epoch }, stack.Manifest["DividendDistributor"])).Epoch;
        Assert.Equal(expected[0] + expected[1], onChain.Total);
        Assert.Equal(onChain.Total, onChain.Remaining);
        Assert.NotEqual(0UL, onChain.ClaimDeadline);
        Assert.Equal((uint)month.Value, onChain.Period);
        Assert.Equal(onChain.Total, await BalanceAsync(stack.Manifest["DividendDistributor"]));
        Assert.Equal(settlerBefore - onChain.Total, await BalanceAsync(stack.Manifest.Roles["settler"]));

        // The violator has no leaf; each other provider claims its amount with the served proof, through the write path.
        Assert.Equal(404, (await api.GetDividendAsync(epoch, violator.Address)).Status);
        for (var i = 0; i < 2; i++)
        {
            var provider = providers[i];
            var leaf = (await api.GetDividendAsync(epoch, provider.Address)).Json;
            Assert.Equal(Text(expected[i]), leaf.GetProperty("amount").GetString());
            Assert.True(leaf.GetProperty("funded").GetBoolean());
            Assert.False(leaf.GetProperty("claimed").GetBoolean());
            var before = await BalanceAsync(provider.Address);

            if (i == 0)
            {
                var claimed = await writes.CompleteAsync(await provider.Writes.ClaimDividendAsync(epoch, provider.Address, expected[i], Proof(leaf)));
                Assert.Equal("DividendClaimed", claimed.Event);
                Assert.Equal(Text(expected[i]), claimed.Argument("amount"));
            }
            else
            {
                // The second provider claims from the command line (./pv write), which fetches the amount and proof itself.
                var (exit, printed) = await WriteCommandAsync("claim-dividend", "--account", "5", "--epoch", Text(epoch));
                Assert.True(exit == 0, printed);
                Assert.Contains($"completed: DividendClaimed(epoch={epoch}, account={provider.Address}, amount={expected[i]})", printed, StringComparison.Ordinal);
            }

            Assert.Equal(before + expected[i], await BalanceAsync(provider.Address));
            Assert.True((await api.GetDividendAsync(epoch, provider.Address)).Json.GetProperty("claimed").GetBoolean());
        }

        // A second claim is refused before anything is sent; nothing is left in the epoch.
        var again = (await api.GetDividendAsync(epoch, providers[0].Address)).Json;
        var problem = await writes.RefusedAsync(await providers[0].Writes.ClaimDividendAsync(epoch, providers[0].Address, expected[0], Proof(again)));
        Assert.Equal("call-reverted", problem.Slug);
        Assert.Equal("DividendDistributorAlreadyClaimed", problem.Error);
        Assert.Equal(BigInteger.Zero, await BalanceAsync(stack.Manifest["DividendDistributor"]));

        // Asked again for the funded month, nothing changes.
        var settlerAfter = await BalanceAsync(stack.Manifest.Roles["settler"]);
        var rerun = await RunDividendAsync(month);
        Assert.Equal(run.GetRawText(), rerun.GetRawText());
        Assert.Equal(settlerAfter, await BalanceAsync(stack.Manifest.Roles["settler"]));
        Assert.Equal(epoch, await EpochOfPeriodAsync(month));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F0} s: done");
    }

    private static async Task<(BigInteger Hid, BigInteger Vid)> ListedResourceAsync(Wallet provider, ProvingAgent agent, MarketSteps steps, WriteRunner writes)
    {
        var device = await agent.Process.AttestAsync(provider.Address, $"GPU-{Guid.NewGuid()}", steps.Token("HardwareRegistry"));
        var registered = await writes.CompleteAsync(await provider.Writes.RegisterHardwareAsync(MarketSteps.H200, device.DeviceHash, device.Agent, 32, 131_072, device.Attestation));
        var hid = Number(registered.Argument("hid"));
        await provider.StakeAsync(hid, await steps.Chain.MinStakeAsync(MarketSteps.GpuComputeType));
        var vid = await steps.CreateResourceAsync(provider, hid);
        var uid = await steps.CreateUsageRightAsync(provider, vid, 30 * 86_400);
        await writes.CompleteAsync(await provider.Writes.ListWithRevenueRightsAsync(uid, steps.Token("TestStablecoin"), 120 * MarketSteps.Usd, [(provider.Address, 1_000)]));
        return (hid, vid);
    }

    /// <summary>The VID's published score once its rank counts <paramref name="proofs"/> finished proofs.</summary>
    private async Task<BigInteger> RankAfterAsync(BigInteger vid, int proofs)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            var rank = await stack.Api.GetAsync($"/api/ranks/{vid}");
            if (rank.Body is { } body && body.GetProperty("proofs").GetArrayLength() >= proofs)
            {
                return Number(body.GetProperty("rank").GetProperty("score").GetString()!);
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"The rank of VID {vid} does not show {proofs} proofs: {rank.Body?.GetRawText() ?? rank.Problem?.ToString()}\n{stack.Logs()}");
            await Task.Delay(300);
        }
    }

    /// <summary>Asks for the month's dividend on the <c>dividend-runs</c> queue and waits for its workflow; returns its output.</summary>
    private async Task<JsonElement> RunDividendAsync(DividendPeriod month)
    {
        var queue = new QueueClient(stack.Storage.ConnectionString, "dividend-runs", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync($"{{\"period\":\"{month}\"}}");
        var until = DateTimeOffset.UtcNow.AddSeconds(90);
        while (true)
        {
            if (await stack.Api.GetWorkflowAsync($"dividend-{month}") is { IsFinished: true } workflow
                && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0)
            {
                Assert.True(workflow.IsCompleted && workflow.Output is not null, $"dividend-{month} ended {workflow.Status}: {workflow.Failure?.ErrorMessage}\n{stack.Logs()}");
                return workflow.Output!.Value;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"dividend-{month} did not finish\n{stack.Logs()}");
            await Task.Delay(300);
        }
    }

    private async Task<(int Exit, string Output)> WriteCommandAsync(params string[] arguments)
    {
        var app = RepoPaths.BuildOutput(Path.Combine("functions", "PowerVerse.LocalHost"), "PowerVerse.LocalHost.dll");
        await using var process = ChildProcess.Start(Dotnet.Path,
            [app, "write", .. arguments, "--api", stack.Host.ApiUrl.ToString(), "--rpc", stack.Node.RpcUrl.ToString(), "--manifest", stack.ManifestPath]);
        return (await process.WaitForExitAsync(WriteRunner.WorkflowTimeout), process.Output);
    }

    private Task<BigInteger> BalanceAsync(string account) =>
        stack.Web3.Eth.GetContractQueryHandler<TokenBalanceOfFunction>().QueryAsync<BigInteger>(stack.Manifest["PowerVerseCoin"], new TokenBalanceOfFunction { Account = account });

    private Task<BigInteger> EpochOfPeriodAsync(DividendPeriod month) =>
        stack.Web3.Eth.GetContractQueryHandler<EpochOfPeriodFunction>().QueryAsync<BigInteger>(stack.Manifest["DividendDistributor"], new EpochOfPeriodFunction { Period = (uint)month.Value });

    private static IReadOnlyList<string> Proof(JsonElement leaf) => [.. leaf.GetProperty("proof").EnumerateArray().Select(p => p.GetString()!)];

    private static BigInteger Number(string text) => BigInteger.Parse(text, CultureInfo.InvariantCulture);

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
