using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Nethereum.Signer;
using PowerVerse.Chain.Contracts;
using PowerVerse.Domain.Proofs;
using PowerVerse.Workflows.Tests.Support;
using Xunit.Abstractions;

namespace PowerVerse.Workflows.Tests.Proofs;

/// <summary>
/// Cheating is caught and honesty never punished (issue 11): results an honest agent never sends — a nonce changed after
/// signing, a nonce that is no share, unsorted nonces, too few, another agent's key, a replay of an earlier result
/// (the same challenge and another), a result after the deadline, a result for a challenge never issued — are refused
/// off chain with the reason and change nothing on chain but the expiry and slash the deadline brings; a valid result
/// delivered twice is submitted once. The test plays the agent (<see cref="TestAgent"/>) to send them.
/// </summary>
[Collection(ProofStackTests.Name)]
public sealed class CheatingTests(LocalStack stack, ITestOutputHelper output)
{
    [Fact]
    public async Task ForgedResults_RefusedWithTheirReason_NoChainEffect_AValidOneTwiceVerifiedOnce()
    {
        var steps = new ProofSteps(stack, output);
        var provider = new Wallet(stack, 9);
        var agent = new TestAgent(stack);
        var (_, vids) = await steps.HardwareAsync(provider, agent.Attest(provider.Address), resources: 2);

        var id = await steps.RequestAsync(provider, vids[0]);
        await steps.AwaitingResultAsync(id);
        var challenge = await agent.NextChallengeAsync(ProofSteps.Patience);
        var challengeId = BigInteger.Parse(challenge.Id, CultureInfo.InvariantCulture);
        var nonces = TestAgent.Solve(challenge.Seed, agent.Address, challenge.Difficulty, challenge.Shares);
        var challengerBefore = await steps.ChallengerNonceAsync();

        // Each forgery is refused with its reason, and the challenge stays open with nothing sent on chain.
        var next = TestAgent.Solve(challenge.Seed, agent.Address, challenge.Difficulty, 1, nonces[^1] + 1)[0];
        var forgeries = new (string What, JsonObject Result, string Code)[]
        {
            ("a nonce changed after signing", With(agent.Result(challenge, nonces), "nonces", [.. nonces[..^1], next]), ProofRefusal.WrongSigner),
            ("a nonce that is no share", agent.Result(challenge, [.. nonces[..5], NoShare(challenge, agent, nonces[4], nonces[5]), .. nonces[6..]]), ProofRefusal.InvalidShare),
            ("unsorted nonces", agent.Result(challenge, [.. nonces[..3], nonces[4], nonces[3], .. nonces[5..]]), ProofRefusal.NoncesNotIncreasing),
            ("too few nonces", agent.Result(challenge, nonces[..^1]), ProofRefusal.WrongShareCount),
            ("another agent's key", agent.Result(challenge, nonces, signer: EthECKey.GenerateKey()), ProofRefusal.WrongSigner),
            ("another agent named", agent.Result(challenge, nonces, agent: EthECKey.GenerateKey().GetPublicAddress().ToLowerInvariant()), ProofRefusal.WrongAgent),
        };
        for (var i = 0; i < forgeries.Length; i++)
        {
            await agent.PostAsync(forgeries[i].Result);
            var refused = await steps.WaitAsync(id, r => r.Refused.Count > i, $"{i + 1} refused results");
            Assert.True(forgeries[i].Code == refused.Refused[i].Text("code"), $"{forgeries[i].What}: refused as {refused.Refused[i].GetRawText()}");
            Assert.Equal("awaiting-result", refused.Step);
        }

        Assert.Equal(ChallengeInfo.Open, (await steps.ChallengeAsync(challengeId)).Status);
        Assert.Equal(challengerBefore, await steps.ChallengerNonceAsync());
        Assert.Empty(await steps.EventsAsync("ProofOfCompute", "ProofVerified", challengeId));

        // The valid result, delivered twice at once: verified on chain once, one submission.
        var valid = agent.Result(challenge, nonces);
        await Task.WhenAll(agent.PostAsync(valid), agent.PostAsync(valid));
        var done = await steps.CompletedAsync(id);
        Assert.Equal("verified", done.Outcome);
        Assert.Single(await steps.EventsAsync("ProofOfCompute", "ProofVerified", challengeId));
        Assert.Equal(challengerBefore + 1, await steps.ChallengerNonceAsync());
        Assert.Equal(forgeries.Select(f => f.Code), done.Refused.Take(forgeries.Length).Select(r => r.Text("code")));

        // Replayed on the same, now verified, challenge: refused, nothing sent.
        await PostAndWaitForLogAsync(agent, valid, $"Result for challenge {challenge.Id} from agent {agent.Address} refused (challenge-closed)");
        Assert.Single(await steps.EventsAsync("ProofOfCompute", "ProofVerified", challengeId));

        // A result for a challenge never issued: refused, nothing anywhere.
        var count = await steps.ChallengeCountAsync();
        await PostAndWaitForLogAsync(
            agent, agent.Result(challenge, nonces, challengeId: "1000000000"), $"Result for challenge 1000000000 from agent {agent.Address} refused (unknown-challenge)");
        Assert.Equal(count, await steps.ChallengeCountAsync());
        Assert.Equal(challengerBefore + 1, await steps.ChallengerNonceAsync());

        // A second challenge: the first's result replayed on it is refused; then a valid result after its deadline is
        // refused too, and the miss is recorded on chain — expired and slashed once.
        var secondId = await steps.RequestAsync(provider, vids[1]);
        await steps.AwaitingResultAsync(secondId);
        var second = await agent.NextChallengeAsync(ProofSteps.Patience);
        await agent.PostAsync(With(With(valid, "challengeId", second.Id), "vid", second.Vid));
        var replayed = await steps.WaitAsync(secondId, r => r.Refused.Count > 0, "the replay refused");
        Assert.Equal(ProofRefusal.InvalidShare, replayed.Refused[0].Text("code"));
        var secondNonces = TestAgent.Solve(second.Seed, agent.Address, second.Difficulty, second.Shares);
        var hid = (await steps.ChallengeAsync(BigInteger.Parse(second.Id, CultureInfo.InvariantCulture))).Hid;
        var stakeBefore = await steps.StakeAsync(hid);
        challengerBefore = await steps.ChallengerNonceAsync();

        // Past the deadline on the chain's clock (no block mined yet: only the chain itself can tell, when it is asked to verify).
        var late = agent.Result(second, secondNonces);
        await stack.Clock.IncreaseAsync((long)(second.Deadline - await stack.Clock.NowAsync()).TotalSeconds + 5);
        await agent.PostAsync(late);
        var missed = await steps.CompletedAsync(secondId);
        Assert.Equal("missed", missed.Outcome);
        Assert.Equal("slashed", missed.Output!.Value.Text("slash"));
        var lateRefusal = missed.Refused[^1];
        Assert.Contains(lateRefusal.Text("code"), new[] { ProofRefusal.AfterDeadline, ProofRefusal.ChainRefused });
        var secondChallenge = BigInteger.Parse(second.Id, CultureInfo.InvariantCulture);
        Assert.Equal(ChallengeInfo.Expired, (await steps.ChallengeAsync(secondChallenge)).Status);
        Assert.Empty(await steps.EventsAsync("ProofOfCompute", "ProofVerified", secondChallenge));
        var slashed = Assert.Single(await steps.EventsAsync("ProviderStaking", "Slashed", secondChallenge));
        var stakeAfter = await steps.StakeAsync(hid);
        Assert.Equal(stakeBefore.Amount / 10, slashed.Number("amount"));
        Assert.Equal(stakeBefore.Amount - slashed.Number("amount"), stakeAfter.Amount);

        // Delivered again after all that: refused, still slashed once.
        await PostAndWaitForLogAsync(agent, late, $"Result for challenge {second.Id} from agent {agent.Address} refused (challenge-closed)");
        Assert.Single(await steps.EventsAsync("ProviderStaking", "Slashed", secondChallenge));
        Assert.Equal(stakeAfter.Amount, (await steps.StakeAsync(hid)).Amount);
    }

    /// <summary>A nonce strictly between <paramref name="after"/> and <paramref name="before"/> that is no share.</summary>
    private static ulong NoShare(TestAgent.Challenge challenge, TestAgent agent, ulong after, ulong before)
    {
        var address = Convert.FromHexString(agent.Address[2..]);
        for (var n = after + 1; n < before; n++)
        {
            if (!ProofShares.IsShare(challenge.Seed, address, n, challenge.Difficulty))
            {
                return n;
            }
        }

        throw new InvalidOperationException("Two consecutive shares: no non-share between them.");
    }

    private static JsonObject With(JsonObject message, string name, JsonNode value)
    {
        var copy = (JsonObject)message.DeepClone();
        copy[name] = value;
        return copy;
    }

    private static JsonObject With(JsonObject message, string name, ulong[] nonces) =>
        With(message, name, new JsonArray([.. nonces.Select(n => (JsonNode)("0x" + n.ToString("x16", CultureInfo.InvariantCulture)))]));

    /// <summary>Posts the result and waits until a host logs <paramref name="line"/> once more than before.</summary>
    private async Task PostAndWaitForLogAsync(TestAgent agent, JsonObject result, string line)
    {
        var before = CountOf(line);
        await agent.PostAsync(result);
        await WaitForLogAsync(line, before + 1);
    }

    private async Task WaitForLogAsync(string line, int count)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (CountOf(line) < count)
        {
            if (clock.Elapsed > ProofSteps.Patience)
            {
                throw new Xunit.Sdk.XunitException($"No host logged '{line}'.\n{stack.Logs()}");
            }

            await Task.Delay(200);
        }
    }

    private int CountOf(string line) => stack.Hosts.Sum(h => h.Output.Split(line).Length - 1);
}
