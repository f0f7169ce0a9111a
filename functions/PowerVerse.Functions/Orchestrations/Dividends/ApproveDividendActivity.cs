using System.Globalization;
using System.Numerics;
using Microsoft.DurableTask;
using Nethereum.Contracts;
using PowerVerse.Chain.Contracts;

namespace PowerVerse.Functions.Orchestrations.Dividends;

/// <summary>
/// The settler lets DividendDistributor take the epoch's total (ERC-20 <c>approve</c>, key
/// <c>dividend-approve-&lt;period&gt;</c>); nothing is sent while the allowance covers it or the epoch is funded.
/// </summary>
[DurableTask(Name)]
public sealed class ApproveDividendActivity(SettlerSender settler, DividendChain chain, DividendOptions options) : TaskActivity<FundEpochInput, bool>
{
    public const string Name = "ApproveDividend";

    public override async Task<bool> RunAsync(TaskActivityContext context, FundEpochInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var total = BigInteger.Parse(input.Total, CultureInfo.InvariantCulture);
        var address = (await settler.SenderAsync(CancellationToken.None)).Address;
        var epoch = BigInteger.Parse(input.Epoch, CultureInfo.InvariantCulture);
        var call = new ApproveFunction { Spender = chain.Distributor, Value = total };
        var sent = await settler.SendUntilAsync($"dividend-approve-{input.Period}", input.Token, call.GetCallData(), async () =>
            (await chain.EpochAsync(epoch)).ClaimDeadline != 0 || await chain.AllowanceAsync(address) >= total, options.ConfirmTimeout);
        return sent is not null;
    }
}
