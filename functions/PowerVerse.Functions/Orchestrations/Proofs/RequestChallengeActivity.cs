using System.Globalization;
using System.Numerics;
using Microsoft.DurableTask;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Errors;
using PowerVerse.Chain.Transactions;
using PowerVerse.Functions.Orchestrations.Relaying;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// The platform's own request (the challenger may challenge any VID without cooldown, one open challenge per VID):
/// <c>requestChallenge(vid)</c> from the challenger key, keyed <c>request-&lt;instanceId&gt;</c>, so a second run finds
/// the first transaction. A request the contract refuses fails the proof with the contract's reason.
/// </summary>
[DurableTask(Name)]
public sealed class RequestChallengeActivity(Challenger challenger) : TaskActivity<RequestChallengeActivity.Input, RequestedChallenge>
{
    public const string Name = "RequestChallenge";

    public override async Task<RequestedChallenge> RunAsync(TaskActivityContext context, Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var vid = BigInteger.Parse(input.Vid, CultureInfo.InvariantCulture);
        TransactionReceipt receipt;
        try
        {
            receipt = await challenger.SendAsync("request-" + input.InstanceId, "ProofOfCompute", new RequestChallengeFunction { Vid = vid }, CancellationToken.None);
        }
        catch (ContractRevertedException ex)
        {
            throw new WriteRejectedException($"The platform's challenge of VID {input.Vid} is refused: {ex.Error?.ToString() ?? ex.Message}.", ex);
        }
        catch (TransactionRejectedException ex) when (ex.Revert is { } revert)
        {
            throw new WriteRejectedException($"The platform's challenge of VID {input.Vid} is refused: {revert}.", ex);
        }

        var requested = Challenger.Events(receipt).FirstOrDefault(e => e.Name == "ChallengeRequested")
            ?? throw new WriteRejectedException($"The platform's challenge request {receipt.TransactionHash} of VID {input.Vid} did not emit ChallengeRequested.");
        return new RequestedChallenge(
            requested.Number("challengeId").ToString(CultureInfo.InvariantCulture), input.Vid, requested.Address("requester"),
            receipt.TransactionHash, (long)receipt.BlockNumber.Value);
    }

    public sealed record Input(string InstanceId, string Vid);
}
