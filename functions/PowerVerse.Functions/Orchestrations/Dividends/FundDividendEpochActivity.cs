using System.Globalization;
using System.Numerics;
using Microsoft.DurableTask;
using Nethereum.Contracts;
using PowerVerse.Chain.Contracts;

namespace PowerVerse.Functions.Orchestrations.Dividends;

/// <summary>
/// The settler funds the epoch with exactly its total (<c>DividendDistributor.fundEpoch</c>, key
/// <c>dividend-fund-&lt;period&gt;</c>); claims open. Nothing is sent when it is funded already. Returns the block to
/// index up to.
/// </summary>
[DurableTask(Name)]
public sealed class FundDividendEpochActivity(SettlerSender settler, DividendChain chain, DividendOptions options) : TaskActivity<FundEpochInput, long>
{
    public const string Name = "FundDividendEpoch";

    public override async Task<long> RunAsync(TaskActivityContext context, FundEpochInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var epoch = BigInteger.Parse(input.Epoch, CultureInfo.InvariantCulture);
        var call = new FundEpochFunction { Epoch = epoch };
        var block = await settler.SendUntilAsync($"dividend-fund-{input.Period}", chain.Distributor, call.GetCallData(), async () =>
            (await chain.EpochAsync(epoch)).ClaimDeadline != 0, options.ConfirmTimeout);
        return block ?? (long)(await chain.HeadAsync()).Block;
    }
}
