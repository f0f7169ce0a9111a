using PowerVerse.Dashboard.Tests.Browser;
using PowerVerse.Dashboard.Tests.Stack;
using Xunit.Abstractions;

namespace PowerVerse.Dashboard.Tests.Loading;

/// <summary>The market's first load fits the goal; both loads' figures go to the test output (timings are measured by ./pv bench dashboard).</summary>
[Collection(DashboardTests.Name)]
public sealed class MarketLoadTests(DashboardStack stack, ITestOutputHelper output)
{
    /// <summary>The goal for a first load, compressed.</summary>
    private const long FirstLoadBudget = 3_000_000;

    [BrowserFact]
    public async Task Market_FirstLoad_TransfersAtMostThreeMegabytes()
    {
        var (first, second) = await PageLoad.MarketTwiceAsync(stack.Browser, stack.DashboardUrl);

        output.WriteLine($"first load (new context): {first}");
        output.WriteLine($"second load (same context, cached): {second}");
        Assert.True(first.TransferredBytes <= FirstLoadBudget, $"The market's first load transferred {first}, over {FirstLoadBudget:N0} bytes.");
    }
}
