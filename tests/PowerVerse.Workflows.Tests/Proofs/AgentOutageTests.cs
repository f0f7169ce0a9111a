using System.Globalization;
using System.Numerics;
using Azure.Storage.Queues;
using Nethereum.Contracts;
using PowerVerse.Chain.Contracts;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Workflows.Tests.Proofs;

/// <summary>
/// The real gpu-agent going away (issue 11): SIGKILLed mid-solve, the challenge it held comes back to it when its queue
/// lease lapses and is solved within the deadline after the restart; down past the deadline, the proof is missed once —
/// expired and slashed once — however often the challenge and its late results are delivered afterwards.
/// </summary>
[Collection(ProofStackTests.Name)]
public sealed class AgentOutageTests(LocalStack stack, ITestOutputHelper output)
{
    /// <summary>A CPU-type "GPU model" the DAO adds for this test, whose proofs take the agent seconds, not milliseconds.</summary>
    private const uint SlowModel = 7;
    private const uint CpuType = 2;

    [Fact]
    public async Task AgentKilledMidSolve_RestartedAgentSolvesTheSameChallengeWithinItsDeadline()
    {
        var steps = new ProofSteps(stack, output);
        var provider = new Wallet(stack, 4);

        // DAO: CPU proofs of 16 shares of 20 bits (2^24 hashes, seconds on the agent's one thread), so the kill lands mid-solve.
        await DaoProposal.ExecuteAsync(stack, "Slow CPU proofs for the agent restart test",
            new AddGpuModelFunction { Id = SlowModel, ComputeType = CpuType, Name = "Test CPU", MemoryMiB = 65_536 }.GetCallData(),
            new AddProofParamsFunction { ComputeType = CpuType, Difficulty = 20, Shares = 16, DeadlineSeconds = 600 }.GetCallData());
        var device = await stack.Agent.AttestAsync(provider.Address, $"CPU-{Guid.NewGuid()}", stack.Manifest["HardwareRegistry"]);
        var (_, vids) = await steps.HardwareAsync(provider, device, gpuModel: SlowModel, computeType: CpuType);

        var id = await steps.RequestAsync(provider, vids[0]);
        var challengeId = (await steps.AwaitingResultAsync(id)).ChallengeId;
        try
        {
            var killedAt = await stack.Agent.KillAtLineAsync($"info  progress challenge={challengeId} ", ProofSteps.Patience);
            output.WriteLine($"killed mid-solve at: {killedAt}");
            Assert.DoesNotContain($"info  result challenge={challengeId} ", stack.Agent.Output, StringComparison.Ordinal);
        }
        finally
        {
            await stack.Agent.RestartAsync();
        }

        var run = await steps.CompletedAsync(id);
        Assert.Equal("verified", run.Outcome);
        Assert.Empty(run.Refused);
        var challenge = await steps.ChallengeAsync(challengeId);
        Assert.Equal((ChallengeInfo.Verified, (byte)20), (challenge.Status, challenge.Difficulty));
        Assert.Single(await steps.EventsAsync("ProofOfCompute", "ProofVerified", challengeId));

        // The agent took the challenge twice — before the kill and after its lease lapsed — and answered once.
        Assert.Equal(2, Count(stack.Agent.Output, $"info  challenge challenge={challengeId} "));
        Assert.Equal(1, Count(stack.Agent.Output, $"info  result challenge={challengeId} "));
    }

    [Fact]
    public async Task AgentDownPastTheDeadline_MissedOnce_SlashedOnce_EvenWithRedeliveries()
    {
        var steps = new ProofSteps(stack, output);
        var provider = new Wallet(stack, 4);
        var device = await stack.Agent.AttestAsync(provider.Address, $"GPU-{Guid.NewGuid()}", stack.Manifest["HardwareRegistry"]);
        var (hid, vids) = await steps.HardwareAsync(provider, device);
        var stakeBefore = await steps.StakeAsync(hid);
        var queue = new QueueClient(stack.Storage.ConnectionString, "agent-" + stack.Agent.Address[2..].ToLowerInvariant());

        await stack.Agent.KillAsync();
        string challengeMessage;
        BigInteger challengeId;
        try
        {
            var id = await steps.RequestAsync(provider, vids[0]);
            challengeId = (await steps.AwaitingResultAsync(id)).ChallengeId;
            challengeMessage = (await queue.PeekMessageAsync()).Value.Body.ToString();
            Assert.Contains($"\"challengeId\":\"{challengeId}\"", challengeMessage, StringComparison.Ordinal);

            // The chain passes the deadline while the agent is down: the proof is missed, expired and slashed.
            var deadline = (long)(await steps.ChallengeAsync(challengeId)).Deadline;
            await stack.Clock.AdvanceAsync(deadline - (await stack.Clock.NowAsync()).ToUnixTimeSeconds() + 1);
            var run = await steps.CompletedAsync(id);
            Assert.Equal("missed", run.Outcome);
            Assert.Equal("slashed", run.Output!.Value.Text("slash"));
            Assert.StartsWith("0x", run.Output!.Value.Text("expireTransaction"), StringComparison.Ordinal);

            // The challenge delivered once more, as a queue may redeliver it.
            await queue.SendMessageAsync(challengeMessage);
        }
        finally
        {
            await stack.Agent.RestartAsync();
        }

        // Back up, the agent (whose own clock has not reached the deadline) answers both deliveries; both come too late.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var refusal = $"Result for challenge {challengeId} from agent {stack.Agent.Address.ToLowerInvariant()} refused (challenge-closed)";
        while (stack.Hosts.Sum(h => Count(h.Output, refusal)) < 2)
        {
            Assert.True(clock.Elapsed < ProofSteps.Patience, $"The late results were not both refused.\n{stack.Logs()}");
            await Task.Delay(200);
        }

        Assert.Equal(2, Count(stack.Agent.Output, $"info  result challenge={challengeId} "));
        Assert.Equal(ChallengeInfo.Expired, (await steps.ChallengeAsync(challengeId)).Status);
        Assert.Empty(await steps.EventsAsync("ProofOfCompute", "ProofVerified", challengeId));
        var slashed = Assert.Single(await steps.EventsAsync("ProviderStaking", "Slashed", challengeId));
        Assert.Equal(stakeBefore.Amount / 10, slashed.Number("amount"));
        Assert.Equal(stakeBefore.Amount - slashed.Number("amount"), (await steps.StakeAsync(hid)).Amount);
        var shown = (await stack.Api.GetAsync($"/api/proofs/{challengeId.ToString(CultureInfo.InvariantCulture)}")).Json;
        Assert.Equal("expired", shown.Text("status"));
    }

    private static int Count(string text, string line) => text.Split(line).Length - 1;
}
