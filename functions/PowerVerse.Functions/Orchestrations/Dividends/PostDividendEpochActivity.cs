using System.Globalization;
using System.Numerics;
using Microsoft.DurableTask;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using PowerVerse.Chain.Contracts;

namespace PowerVerse.Functions.Orchestrations.Dividends;

/// <summary>
/// The settler posts the month's root, token and total (<c>DividendDistributor.postEpoch</c>, key
/// <c>dividend-post-&lt;period&gt;</c>); nothing is sent when the contract already holds them. Returns the epoch id the
/// contract gave the month.
/// </summary>
[DurableTask(Name)]
public sealed class PostDividendEpochActivity(SettlerSender settler, DividendChain chain, DividendOptions options) : TaskActivity<PostEpochInput, string>
{
    public const string Name = "PostDividendEpoch";

    public override async Task<string> RunAsync(TaskActivityContext context, PostEpochInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var total = BigInteger.Parse(input.Total, CultureInfo.InvariantCulture);
        var call = new PostEpochFunction { Period = (uint)input.Period, Root = input.Root.HexToByteArray(), Token = input.Token, Total = total };
        await settler.SendUntilAsync($"dividend-post-{input.Period}", chain.Distributor, call.GetCallData(), async () =>
        {
            var (epoch, state) = await chain.EpochOfPeriodAsync(input.Period);
            var holds = !epoch.IsZero && DividendChain.Holds(state, input.Root, input.Token, total);
            return !holds && state.ClaimDeadline != 0
                ? throw new WriteRejectedException($"Epoch {epoch} of {input.Period} is funded with another root, {state.Root.ToHex(prefix: true)}; it cannot change.")
                : holds;
        }, options.ConfirmTimeout);
        return (await chain.EpochOfPeriodAsync(input.Period)).Epoch.ToString(CultureInfo.InvariantCulture);
    }
}
