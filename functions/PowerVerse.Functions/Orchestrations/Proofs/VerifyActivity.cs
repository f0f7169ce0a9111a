using System.Globalization;
using System.Numerics;
using Microsoft.DurableTask;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;
using PowerVerse.Chain.Signing;
using PowerVerse.Domain.Proofs;
using PowerVerse.Domain.Json;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// Checks an agent's result off chain before anything is sent (DESIGN §2), as ProofOfCompute would and more: it is
/// for this challenge's VID and agent, it arrived by the deadline (the chain's clock when it was received), it has
/// exactly <c>shares</c> strictly increasing nonces that are each a share of (seed, agent), and its EIP-712
/// ProofResult signature over this challenge id, VID and seed is the HID's agent's. A valid result's elapsed time is
/// what the platform observed: received − sent, in milliseconds, at least 1.
/// </summary>
[DurableTask(Name)]
public sealed class VerifyActivity : TaskActivity<VerifyActivity.Input, ProofVerdict>
{
    public const string Name = "Verify";

    public override Task<ProofVerdict> RunAsync(TaskActivityContext context, Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult(Check(input.Challenge, input.SentAt, input.Result));
    }

    public static ProofVerdict Check(DispatchedChallenge challenge, DateTimeOffset sentAt, ProofResultEvent result)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(result);
        var refusal = Refusal(challenge, result);
        var elapsed = (long)Math.Ceiling((result.ReceivedAt - sentAt).TotalMilliseconds);
        return new ProofVerdict(refusal, Math.Max(1, elapsed));
    }

    private static ProofRefusal? Refusal(DispatchedChallenge challenge, ProofResultEvent result)
    {
        if (result.Vid != challenge.Vid)
        {
            return new ProofRefusal(ProofRefusal.WrongVid, $"The result is for VID {result.Vid}; challenge {challenge.ChallengeId} is of VID {challenge.Vid}.");
        }

        if (!result.Agent.IsTheSameAddress(challenge.Agent))
        {
            return new ProofRefusal(ProofRefusal.WrongAgent, $"The result names agent {result.Agent}; the challenge was sent to {challenge.Agent}.");
        }

        if (result.ReceivedChainTime > challenge.Deadline)
        {
            return new ProofRefusal(ProofRefusal.AfterDeadline,
                $"Received at chain time {Iso(result.ReceivedChainTime)}, after the deadline {Iso(challenge.Deadline)}.");
        }

        var seed = challenge.Seed.HexToByteArray();
        if (ProofShares.Check(seed, challenge.Agent.HexToByteArray(), challenge.Difficulty, challenge.Shares, result.Nonces) is { } shares)
        {
            return shares;
        }

        var signer = ProofResultSignature.RecoverSigner(
            BigInteger.Parse(challenge.ChainId, CultureInfo.InvariantCulture), challenge.ProofContract, BigInteger.Parse(challenge.ChallengeId, CultureInfo.InvariantCulture),
            BigInteger.Parse(challenge.Vid, CultureInfo.InvariantCulture), seed, result.Nonces, result.StartedAt, result.FinishedAt, result.Signature.HexToByteArray());
        return signer is not null && signer.IsTheSameAddress(challenge.Agent)
            ? null
            : new ProofRefusal(ProofRefusal.WrongSigner, signer is null
                ? "The signature is not one ProofOfCompute accepts (65 bytes, v 27 or 28, low s)."
                : $"The ProofResult of challenge {challenge.ChallengeId} (VID {challenge.Vid}, its seed) is signed by {signer}, not by the HID's agent {challenge.Agent}.");
    }

    private static string Iso(long unixSeconds) => IsoUtc.Format(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

    public sealed record Input(DispatchedChallenge Challenge, DateTimeOffset SentAt, ProofResultEvent Result);
}
