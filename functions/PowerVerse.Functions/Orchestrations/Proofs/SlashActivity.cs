using System.Globalization;
using System.Numerics;
using Microsoft.DurableTask;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Contracts;

namespace PowerVerse.Functions.Orchestrations.Proofs;

/// <summary>
/// Slashes the HID for its expired challenge at the DAO's rate: <c>ProviderStaking.slash(hid, challengeId)</c> keyed
/// <c>slash-&lt;challengeId&gt;</c>; the contract slashes each challenge once. Already slashed, or nothing staked to
/// slash, are outcomes, not failures.
/// </summary>
[DurableTask(Name)]
public sealed class SlashActivity(Challenger challenger) : TaskActivity<SlashActivity.Input, SlashActivity.Outcome>
{
    public const string Name = "Slash";

    public const string Slashed = "slashed";
    public const string AlreadySlashed = "already-slashed";
    public const string NothingToSlash = "nothing-to-slash";

    public override async Task<Outcome> RunAsync(TaskActivityContext context, Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var challengeId = BigInteger.Parse(input.ChallengeId, CultureInfo.InvariantCulture);
        var call = new SlashFunction { Hid = BigInteger.Parse(input.Hid, CultureInfo.InvariantCulture), ChallengeId = challengeId };
        TransactionReceipt receipt;
        try
        {
            receipt = await challenger.SendAsync("slash-" + input.ChallengeId, "ProviderStaking", call, CancellationToken.None);
        }
        catch (Exception ex) when (Challenger.IsRevert(ex))
        {
            return Challenger.RevertOf(ex)?.Name switch
            {
                "ProviderStakingAlreadySlashed" => new Outcome(AlreadySlashed, null, 0, "0"),
                "ProviderStakingNothingToSlash" => new Outcome(NothingToSlash, null, 0, "0"),
                _ => throw new InvalidOperationException($"Slashing HID {input.Hid} for challenge {input.ChallengeId} is refused: {Challenger.RevertOf(ex)}.", ex),
            };
        }

        var slashed = Challenger.Events(receipt).FirstOrDefault(e => e.Name == "Slashed");
        if (receipt.Succeeded() && slashed is not null)
        {
            return new Outcome(Slashed, receipt.TransactionHash, (long)receipt.BlockNumber.Value, slashed.Number("amount").ToString(CultureInfo.InvariantCulture));
        }

        // Our keyed transaction reverted when mined (another slash got in first): the chain says whether it is slashed.
        return await challenger.IsSlashedAsync(challengeId)
            ? new Outcome(AlreadySlashed, null, 0, "0")
            : throw new InvalidOperationException($"The slash {receipt.TransactionHash} of challenge {input.ChallengeId} reverted and the challenge is not slashed.");
    }

    public sealed record Input(string ChallengeId, string Hid);

    public sealed record Outcome(string State, string? TransactionHash, long Block, string Amount);
}
