using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using Microsoft.DurableTask;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Contracts;
using PowerVerse.Domain.Hashing;
using PowerVerse.Functions.Orchestrations.Relaying;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// Dispatches a requested challenge (DESIGN §2): a secret 32-byte salt is stored first in the challenges table with
/// the workflow's id (a second run reuses it), then <c>dispatch(challengeId, keccak256(salt))</c> is sent keyed
/// <c>dispatch-&lt;challengeId&gt;</c>; the entropy and deadline the chain fixed are read back, and the agent's seed is
/// keccak256(entropy ‖ salt), known to no one before the challenge reaches the agent's queue.
/// </summary>
[DurableTask(Name)]
public sealed class DispatchActivity(Challenger challenger, ChallengeStore store, RandomNumberGenerator random, ProofOptions options)
    : TaskActivity<DispatchActivity.Input, DispatchedChallenge>
{
    public const string Name = "Dispatch";

    public override async Task<DispatchedChallenge> RunAsync(TaskActivityContext context, Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var id = BigInteger.Parse(input.ChallengeId, CultureInfo.InvariantCulture);
        var fresh = new byte[32];
        random.GetBytes(fresh);
        var row = await store.GetOrAddAsync(input.ChallengeId, input.InstanceId, fresh, CancellationToken.None);
        if (row.InstanceId != input.InstanceId)
        {
            throw new WriteRejectedException($"Challenge {input.ChallengeId} belongs to workflow {row.InstanceId}, not {input.InstanceId}.");
        }

        var salt = Convert.FromHexString(row.Salt);
        var saltHash = Keccak256.Hash(salt);
        TransactionReceipt receipt;
        try
        {
            receipt = await challenger.SendAsync(
                "dispatch-" + input.ChallengeId, "ProofOfCompute", new DispatchChallengeFunction { ChallengeId = id, SaltHash = saltHash }, CancellationToken.None);
        }
        catch (Exception ex) when (Challenger.IsRevert(ex))
        {
            throw new WriteRejectedException($"Challenge {input.ChallengeId} cannot be dispatched: {Challenger.RevertOf(ex)}.", ex);
        }

        if (!receipt.Succeeded())
        {
            throw new WriteRejectedException($"The dispatch of challenge {input.ChallengeId} reverted in {receipt.TransactionHash}.");
        }

        var c = await challenger.ChallengeAsync(id);
        if (!c.SaltHash.AsSpan().SequenceEqual(saltHash))
        {
            throw new WriteRejectedException($"Challenge {input.ChallengeId} is committed to another salt than this workflow's.");
        }

        var seed = Keccak256.Hash([.. c.Entropy, .. salt]);
        return new DispatchedChallenge(
            input.ChallengeId, Text(c.Vid), Text(c.Hid), c.Agent, seed.ToHex(prefix: true), c.Difficulty, c.Shares, (long)c.IssuedAt, (long)c.Deadline,
            Text(challenger.Manifest.ChainId), challenger.Manifest["ProofOfCompute"], receipt.TransactionHash, (long)receipt.BlockNumber.Value,
            options.DeadlinePollInterval.TotalSeconds);
    }

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    public sealed record Input(string ChallengeId, string InstanceId);
}
