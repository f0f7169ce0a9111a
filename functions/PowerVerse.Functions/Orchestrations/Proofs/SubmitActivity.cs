using System.Globalization;
using System.Numerics;
using Microsoft.DurableTask;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Contracts;
using PowerVerse.Domain.Proofs;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// Submits a result verified off chain: <c>submitResult</c> from the challenger, revealing the salt from the challenges
/// table, with the elapsed time the platform observed, keyed <c>submit-&lt;challengeId&gt;</c> (a second run, or a second
/// delivery of the same result, finds the first transaction and sends nothing). Should the chain still refuse it (its
/// deadline passed meanwhile), nothing was sent and the refusal is the outcome.
/// </summary>
[DurableTask(Name)]
public sealed class SubmitActivity(Challenger challenger, ChallengeStore store) : TaskActivity<SubmitActivity.Input, SubmitActivity.Outcome>
{
    public const string Name = "Submit";

    public override async Task<Outcome> RunAsync(TaskActivityContext context, Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var row = await store.GetAsync(input.ChallengeId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Challenge {input.ChallengeId} has no row in the challenges table.");
        var result = input.Result;
        var call = new SubmitResultFunction
        {
            ChallengeId = BigInteger.Parse(input.ChallengeId, CultureInfo.InvariantCulture),
            Salt = Convert.FromHexString(row.Salt),
            Nonces = [.. result.Nonces],
            StartedAt = result.StartedAt,
            FinishedAt = result.FinishedAt,
            ObservedElapsedMs = (ulong)input.ElapsedMs,
            Signature = result.Signature.HexToByteArray(),
        };
        TransactionReceipt receipt;
        try
        {
            receipt = await challenger.SendAsync("submit-" + input.ChallengeId, "ProofOfCompute", call, CancellationToken.None);
        }
        catch (Exception ex) when (Challenger.IsRevert(ex))
        {
            var revert = Challenger.RevertOf(ex);
            return new Outcome(
                new ProofRefusal(ProofRefusal.ChainRefused, $"ProofOfCompute refuses the submission: {revert}."), null, 0, 0, "0",
                Closed: revert?.Name is "ProofOfComputeDeadlinePassed" or "ProofOfComputeNotOpen");
        }

        var verified = Challenger.Events(receipt).FirstOrDefault(e => e.Name == "ProofVerified");
        if (!receipt.Succeeded() || verified is null)
        {
            // Mined but reverted: only the deadline passing between the estimate and the block does that; the key is spent.
            return new Outcome(new ProofRefusal(ProofRefusal.ChainRefused, $"The submission {receipt.TransactionHash} reverted."), receipt.TransactionHash, (long)receipt.BlockNumber.Value, 0, "0", Closed: true);
        }

        return new Outcome(null, receipt.TransactionHash, (long)receipt.BlockNumber.Value, (long)verified.Number("elapsedMs"),
            verified.Number("work").ToString(CultureInfo.InvariantCulture));
    }

    public sealed record Input(string ChallengeId, ProofResultEvent Result, long ElapsedMs);

    /// <summary>
    /// Verified on chain (the transaction, its block, the elapsed time recorded and the work), or refused; refused with
    /// <see cref="Closed"/> when the chain says the challenge can take no result any more (its deadline passed).
    /// </summary>
    public sealed record Outcome(ProofRefusal? Refusal, string? TransactionHash, long Block, long ElapsedMs, string Work, bool Closed = false);
}
