using System.Numerics;
using System.Security.Cryptography;
using Azure.Storage.Queues.Models;
using PowerVerse.GpuAgent.Agent;
using PowerVerse.GpuAgent.Backends;
using PowerVerse.GpuAgent.Backends.Cuda;
using PowerVerse.GpuAgent.Messages;
using PowerVerse.GpuAgent.Proof;

namespace PowerVerse.GpuAgent.Tests.Agent;

/// <summary>
/// A solve that fails never spins on its challenge: exhausted nonces fail the same way every time, so the challenge is
/// dropped (the platform records the miss); a CUDA error may pass, so the challenge comes back, but only after a
/// visibility timeout. Against a real Azurite queue, with a solver that fails as the backends do.
/// </summary>
public sealed class ChallengeFailureTests
{
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Handle_NonceSpaceExhausted_DropsTheChallengeWithoutAResult()
    {
        await using var harness = await AgentHarness.CreateAsync();
        var (message, challenge) = await ReceiveChallengeAsync(harness);
        var output = new StringWriter();

        await CreateSut(harness, new FailingSolver(new NonceSpaceExhaustedException()), output).HandleAsync(message, challenge, CancellationToken.None);

        Assert.Contains("warn  dropped challenge=9001", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("No more nonces", output.ToString(), StringComparison.Ordinal);
        await Task.Delay(Visibility + TimeSpan.FromSeconds(1));
        Assert.Empty(await AgentHarness.PeekTextsAsync(harness.Challenges));
        Assert.DoesNotContain(await AgentHarness.PeekTextsAsync(harness.Results), t => t.Contains("\"9001\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handle_CudaError_ReturnsTheChallengeAfterTheVisibilityTimeoutNotAtOnce()
    {
        await using var harness = await AgentHarness.CreateAsync();
        var (message, challenge) = await ReceiveChallengeAsync(harness);
        var output = new StringWriter();

        await CreateSut(harness, new FailingSolver(new CudaException("CUDA_ERROR_LAUNCH_FAILED")), output).HandleAsync(message, challenge, CancellationToken.None);

        Assert.Contains("error solve-failed challenge=9001 error=\"CUDA_ERROR_LAUNCH_FAILED\" retry-in=3s", output.ToString(), StringComparison.Ordinal);
        Assert.Null((await harness.Challenges.ReceiveMessageAsync()).Value);
        await Task.Delay(Visibility + TimeSpan.FromSeconds(1));
        var again = (await harness.Challenges.ReceiveMessageAsync()).Value;
        Assert.NotNull(again);
        Assert.Equal(message.MessageId, again.MessageId);
        Assert.DoesNotContain(await AgentHarness.PeekTextsAsync(harness.Results), t => t.Contains("\"9001\"", StringComparison.Ordinal));
    }

    private static ChallengeHandler CreateSut(AgentHarness harness, IProofSolver solver, TextWriter output)
    {
        var access = new QueueAccess(new AgentQueues(harness.Challenges, harness.Results, harness.Events, harness.Poison, MayCreate: false));
        var settings = new AgentSettings(
            AgentHarness.ChainId, AgentHarness.ProofContract, Visibility, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1),
            TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5), "127.0.0.1", 22, "powerverse");
        return new ChallengeHandler(harness.Signer, access, solver, settings, new AgentLog(output, TimeProvider.System), TimeProvider.System);
    }

    private static async Task<(QueueMessage Message, ChallengeMessage Challenge)> ReceiveChallengeAsync(AgentHarness harness)
    {
        var text = AgentHarness.Challenge("9001", RandomNumberGenerator.GetBytes(32), difficulty: 8, shares: 2).ToJsonString();
        await harness.Challenges.SendMessageAsync(text);
        var message = (await harness.Challenges.ReceiveMessageAsync(Visibility)).Value!;
        return (message, (ChallengeMessage)AgentMessageParser.Parse(text));
    }

    private sealed class FailingSolver(Exception failure) : IProofSolver
    {
        public string Backend => "cuda";

        public string Device => "test device";

        public Task<ProofSolution> SolveAsync(ProofChallenge challenge, IProgress<ulong>? progress, CancellationToken cancellationToken) =>
            Task.FromException<ProofSolution>(failure);

        public void Dispose()
        {
        }
    }
}
