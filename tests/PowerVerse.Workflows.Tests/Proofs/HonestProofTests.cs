using System.Numerics;
using PowerVerse.Chain.Contracts;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Workflows.Tests.Proofs;

/// <summary>
/// Honesty is never punished (issue 11): fifty proofs answered by the real gpu-agent, ten at a time on ten resources each
/// held by its own account, are all verified on chain with no result refused.
/// </summary>
[Collection(ProofStackTests.Name)]
public sealed class HonestProofTests(LocalStack stack, ITestOutputHelper output)
{
    private const int Resources = 10;
    private const int Rounds = 5;

    [Fact]
    public async Task FiftyHonestProofs_AllVerified_NoneRefused()
    {
        var steps = new ProofSteps(stack, output);
        var provider = new Wallet(stack, 5);
        var device = await stack.Agent.AttestAsync(provider.Address, $"GPU-{Guid.NewGuid()}", stack.Manifest["HardwareRegistry"]);
        var (_, vids) = await steps.HardwareAsync(provider, device, Resources);

        // Each resource to an account of its own (Hardhat #10–#19): one account's requests are one at a time (forwarder nonces).
        var owners = Enumerable.Range(10, Resources).Select(i => new Wallet(stack, i)).ToList();
        for (var i = 0; i < Resources; i++)
        {
            await provider.SendAsync("ResourceRegistry", new TransferTokenFunction { From = provider.Address, To = owners[i].Address, TokenId = vids[i] });
        }

        var challenges = new List<BigInteger>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            if (round > 0)
            {
                // A requester waits the DAO's cooldown between two challenges of a VID.
                await stack.Clock.AdvanceAsync(601);
            }

            var ids = await Task.WhenAll(owners.Select((owner, i) => steps.RequestAsync(owner, vids[i])));
            var runs = await Task.WhenAll(ids.Select(steps.CompletedAsync));
            foreach (var run in runs)
            {
                Assert.True(run.Outcome == "verified", $"Not verified: {run}");
                Assert.Empty(run.Refused);
                challenges.Add(run.ChallengeId);
            }

            output.WriteLine($"round {round + 1}: {Resources} proofs verified, {clock.Elapsed.TotalSeconds:F1} s so far");
        }

        Assert.Equal(Resources * Rounds, challenges.Distinct().Count());
        foreach (var challengeId in challenges)
        {
            Assert.Equal(ChallengeInfo.Verified, (await steps.ChallengeAsync(challengeId)).Status);
            Assert.Single(await steps.EventsAsync("ProofOfCompute", "ProofVerified", challengeId));
        }
    }
}
