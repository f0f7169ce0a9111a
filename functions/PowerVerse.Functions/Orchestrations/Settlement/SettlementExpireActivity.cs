using System.Globalization;
using System.Numerics;
using Microsoft.DurableTask;
using PowerVerse.Chain.Contracts;
using PowerVerse.Chain.Errors;
using PowerVerse.Chain.Transactions;
using PowerVerse.Functions.Orchestrations.Relaying;

namespace PowerVerse.Functions.Orchestrations.Settlement;

/// <summary>
/// Closes a challenge of the rental that passed its deadline without a result (<c>ProofOfCompute.expire</c>, which
/// anyone may call; sent by the challenger under the proof workflow's own key <c>expire-&lt;challengeId&gt;</c>, so the
/// two never send it twice). Normally the proof workflow has done it already; settlement does not wait on it for ever.
/// A challenge that has finished meanwhile is an outcome. Returns the block the read model must reach to show it.
/// </summary>
[DurableTask(Name)]
public sealed class SettlementExpireActivity(SettlementChain chain, RelayOptions options) : TaskActivity<string, long>
{
    public const string Name = "SettlementExpire";

    public override async Task<long> RunAsync(TaskActivityContext context, string input)
    {
        var id = BigInteger.Parse(input, CultureInfo.InvariantCulture);
        var key = string.Create(CultureInfo.InvariantCulture, $"expire-{id}");
        if (await chain.JournalledAsync(key) is { } journalled)
        {
            return (await chain.ConfirmAsync(journalled, options.ConfirmTimeout)).Block;
        }

        if ((await chain.ChallengeAsync(id)).Status != ChallengeInfo.Open)
        {
            return (await chain.HeadAsync()).Block;
        }

        try
        {
            return (await chain.SendAsync(chain.Proofs, new ExpireChallengeFunction { ChallengeId = id }, key, options.ConfirmTimeout)).Block;
        }
        catch (Exception ex) when (ex is ContractRevertedException or TransactionRejectedException)
        {
            // Expired or verified in between (or not past its deadline after all): the next look at the proofs decides.
            return (await chain.HeadAsync()).Block;
        }
    }
}
