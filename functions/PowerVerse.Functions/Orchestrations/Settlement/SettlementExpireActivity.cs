using System.Globalization;
using System.Numerics;
using Microsoft.DurableTask;
using Nethereum.Contracts;
using PowerVerse.Chain.Contracts;
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
        var block = await new ChainEffect<string>(
            chain.Proofs, new ExpireChallengeFunction { ChallengeId = id }.GetCallData(), string.Create(CultureInfo.InvariantCulture, $"expire-{id}"),
            sent => sent.Event("ChallengeExpired", "challengeId", id) is not null ? sent.Block.ToString(CultureInfo.InvariantCulture) : null,
            async () => (await chain.ChallengeAsync(id)).Status != ChallengeInfo.Open ? await HeadAsync() : null,
            // Not past its deadline after all, or finished in between: the next look at the proofs decides.
            _ => HeadAsync())
            .MakeAsync(chain, options.ConfirmTimeout);
        return long.Parse(block, CultureInfo.InvariantCulture);

        async Task<string> HeadAsync() => (await chain.HeadAsync()).Block.ToString(CultureInfo.InvariantCulture);
    }
}
