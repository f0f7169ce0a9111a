using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using PowerVerse.Functions.Orchestrations.Purchase;
using PowerVerse.Domain.Json;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// Sends the <c>challenge</c> to the agent's queue <c>agent-&lt;address&gt;</c> exactly as DESIGN §3 writes it, after
/// recording when it was sent (recorded first and kept from the first run, so the elapsed time the platform observes
/// never starts later than the agent could have started). Returns that time.
/// </summary>
[DurableTask(Name)]
public sealed class ChallengeActivity(AgentQueues queues, ChallengeStore store, TimeProvider time) : TaskActivity<DispatchedChallenge, DateTimeOffset>
{
    public const string Name = "Challenge";

    public override async Task<DateTimeOffset> RunAsync(TaskActivityContext context, DispatchedChallenge input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sentAt = await store.MarkSentAsync(input.ChallengeId, time.GetUtcNow(), CancellationToken.None);
        await queues.SendAsync(input.Agent, Message(input).ToJsonString(), CancellationToken.None);
        return sentAt;
    }

    /// <summary>The challenge message of DESIGN §3: ids as decimal strings, times ISO 8601 UTC with Z, addresses lowercase.</summary>
    public static JsonObject Message(DispatchedChallenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return new JsonObject
        {
            ["version"] = 1,
            ["type"] = "challenge",
            ["challengeId"] = challenge.ChallengeId,
            ["vid"] = challenge.Vid,
            ["kind"] = "keccak-shares",
            ["seed"] = challenge.Seed,
            ["difficulty"] = challenge.Difficulty,
            ["shares"] = challenge.Shares,
            ["issuedAt"] = Iso(challenge.IssuedAt),
            ["deadline"] = Iso(challenge.Deadline),
            ["chainId"] = long.Parse(challenge.ChainId, CultureInfo.InvariantCulture),
            ["proofContract"] = challenge.ProofContract.ToLowerInvariant(),
        };
    }

    private static string Iso(long unixSeconds) => IsoUtc.Format(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
}
