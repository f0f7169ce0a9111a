using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Nethereum.Contracts.Standards.ERC20.ContractDefinition;
using Nethereum.Web3;
using PowerVerse.Client.Api;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Benchmarks.Proofs;

/// <summary>A provider of the benchmark: its wallet and the VID of its one GPU, which it requests proofs of.</summary>
internal sealed record Prover(Wallet Wallet, BigInteger Vid);

/// <summary>
/// What the proof benchmark does on the stack: providers with a staked GPU each (funded with PVC by the deployer), a
/// round of proofs (one per provider, all in flight at once, each followed every 50 ms until completed), and the
/// chain's clock moved past the DAO's cooldown between rounds (a requester may challenge a VID once per cooldown).
/// </summary>
internal sealed class ProofBench(LocalStack stack, PowerVerseApi api, TextWriter output)
{
    /// <summary>Providers: Hardhat accounts from #10 on (#0 deploys, #1-#3 are the platform, #4-#9 the scenarios').</summary>
    private const int FirstAccount = 10;
    private const long CooldownSeconds = 601;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly TableClient _challenges = new(stack.Storage.ConnectionString, "challenges");

    public async Task<IReadOnlyList<Prover>> ProvidersAsync(int count)
    {
        var market = new MarketSteps(stack, new WriteRunner(stack, new Lines(output)));
        var deployer = new Wallet(stack, 0);
        var stake = await market.Chain.MinStakeAsync(MarketSteps.GpuComputeType);
        var provers = new List<Prover>();
        for (var i = 0; i < count; i++)
        {
            var provider = new Wallet(stack, FirstAccount + i);
            await deployer.SendAsync("PowerVerseCoin", new TransferFunction { To = provider.Address, Value = stake });
            var hid = await market.RegisterStakedHardwareAsync(provider);
            provers.Add(new Prover(provider, await market.CreateResourceAsync(provider, hid)));
        }

        return provers;
    }

    /// <summary>One proof per prover, all started at once; each must end verified.</summary>
    public async Task<IReadOnlyList<ProofSample>> RoundAsync(IReadOnlyList<Prover> provers)
    {
        var samples = await Task.WhenAll(provers.Select(ProveAsync));
        await PastCooldownAsync();
        return samples;
    }

    private async Task PastCooldownAsync() => await stack.Clock.AdvanceAsync(CooldownSeconds);

    private async Task<ProofSample> ProveAsync(Prover prover)
    {
        var write = await prover.Wallet.Writes.RequestProofAsync(prover.Vid);
        var start = Stopwatch.GetTimestamp();
        var answer = await api.PostAsync(write);
        if (!answer.IsAccepted || answer.Id != write.Id)
        {
            throw new InvalidOperationException($"POST /api/proofs for VID {prover.Vid} was not accepted as {write.Id}: {answer.Status} {answer.Problem}");
        }

        Workflow? workflow;
        while ((workflow = await api.GetWorkflowAsync(write.Id)) is not { IsFinished: true })
        {
            if (Stopwatch.GetElapsedTime(start) > Timeout)
            {
                throw new TimeoutException($"The proof of VID {prover.Vid} ({write.Id}) did not finish within {Timeout}: {workflow}");
            }

            await Task.Delay(PollInterval);
        }

        var completedAt = DateTimeOffset.UtcNow;
        var latencyMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (!workflow.IsCompleted || workflow.Output is not { ValueKind: JsonValueKind.Object } result || result.GetProperty("outcome").GetString() != "verified")
        {
            throw new InvalidOperationException($"The proof of VID {prover.Vid} did not end verified: {workflow}");
        }

        var challengeId = result.GetProperty("challengeId").GetString()!;
        var sentAt = (await _challenges.GetEntityAsync<TableEntity>(challengeId, "challenge")).Value.GetDateTimeOffset("SentAt")
            ?? throw new InvalidOperationException($"Challenge {challengeId} has no SentAt.");
        var solveMs = await SolveMsAsync(challengeId);
        return new ProofSample(challengeId, latencyMs, (completedAt - sentAt).TotalMilliseconds - solveMs, solveMs);
    }

    /// <summary>The agent's own solve time of a challenge, from its result line (<c>challenge=ID … solveMs=X</c>).</summary>
    private async Task<double> SolveMsAsync(string challengeId)
    {
        var line = new Regex($@"challenge={challengeId} nonces=\S+ hashes=\S+ solveMs=([0-9.]+)", RegexOptions.CultureInvariant);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (line.Match(stack.Agent.Output) is { Success: true } match)
            {
                return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"The agent printed no result line for challenge {challengeId}.");
    }

    /// <summary>Setup steps' log lines go to the benchmark's output.</summary>
    private sealed class Lines(TextWriter output) : ITestOutputHelper
    {
        public void WriteLine(string message) => output.WriteLine(message);

        public void WriteLine(string format, params object[] args) => output.WriteLine(format, args);
    }
}
