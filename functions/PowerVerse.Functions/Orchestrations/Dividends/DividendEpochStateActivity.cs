using System.Globalization;
using Microsoft.DurableTask;
using Nethereum.Hex.HexConvertors.Extensions;

namespace PowerVerse.Functions.Orchestrations.Dividends;

/// <summary>The month's epoch as DividendDistributor holds it: whether it is posted, and funded.</summary>
[DurableTask(Name)]
public sealed class DividendEpochStateActivity(DividendChain chain) : TaskActivity<int, EpochState>
{
    public const string Name = "DividendEpochState";

    public override async Task<EpochState> RunAsync(TaskActivityContext context, int input)
    {
        var (epoch, state) = await chain.EpochOfPeriodAsync(input);
        return new EpochState(
            epoch.ToString(CultureInfo.InvariantCulture), state.Root.Length == 32 ? state.Root.ToHex(prefix: true) : string.Empty, state.Token,
            state.Total.ToString(CultureInfo.InvariantCulture), state.ClaimDeadline != 0);
    }
}
