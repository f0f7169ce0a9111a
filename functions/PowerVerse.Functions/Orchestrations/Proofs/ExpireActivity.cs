using System.Globalization;
using System.Numerics;
using Microsoft.DurableTask;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Contracts;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// Records a missed proof on chain: <c>expire(challengeId)</c> keyed <c>expire-&lt;challengeId&gt;</c>. The chain decides
/// whether the deadline has passed: while it says <c>ProofOfComputeDeadlineNotPassed</c> the outcome is "not yet" and
/// the workflow asks again later. A challenge someone else expired already is expired all the same (anyone may call it).
/// </summary>
[DurableTask(Name)]
public sealed class ExpireActivity(Challenger challenger) : TaskActivity<string, ExpireActivity.Outcome>
{
    public const string Name = "Expire";

    public override async Task<Outcome> RunAsync(TaskActivityContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var id = BigInteger.Parse(input, CultureInfo.InvariantCulture);
        TransactionReceipt? receipt = null;
        try
        {
            receipt = await challenger.SendAsync("expire-" + input, "ProofOfCompute", new ExpireChallengeFunction { ChallengeId = id }, CancellationToken.None);
        }
        catch (Exception ex) when (Challenger.IsRevert(ex))
        {
            if (Challenger.RevertOf(ex)?.Name == "ProofOfComputeDeadlineNotPassed")
            {
                return new Outcome(NotYet, null, 0);
            }
        }

        var status = (await challenger.ChallengeAsync(id)).Status;
        var state = status switch
        {
            ChallengeInfo.Expired => Expired,
            ChallengeInfo.Verified => VerifiedMeanwhile,
            ChallengeInfo.Lapsed => Lapsed,
            _ => throw new InvalidOperationException($"Challenge {input} is still in status {status} after its expiry was sent."),
        };
        return receipt is not null && receipt.Succeeded()
            ? new Outcome(state, receipt.TransactionHash, (long)receipt.BlockNumber.Value)
            : new Outcome(state, null, 0);
    }

    public const string Expired = "expired";
    public const string NotYet = "not-yet";
    public const string VerifiedMeanwhile = "verified";
    public const string Lapsed = "lapsed";

    /// <summary>The challenge's state after the expiry, with our transaction when it was the one that expired it.</summary>
    public sealed record Outcome(string State, string? TransactionHash, long Block);
}
