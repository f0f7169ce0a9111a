using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using PowerVerse.Chain.Contracts;
using PowerVerse.Dashboard.Tests.Stack;

namespace PowerVerse.Dashboard.Tests.Scenarios;

/// <summary>The contracts' views the scenarios assert against that the Workflows tests' <c>ChainViews</c> does not read.</summary>
public static class ScenarioChain
{
    /// <summary><c>ProviderStaking.isStaked(hid)</c>: the stake reaches the HID's compute type's minimum.</summary>
    public static Task<bool> IsStakedAsync(this DashboardStack stack, BigInteger hid) =>
        Query<IsStakedFunction, bool>(stack, "ProviderStaking", new IsStakedFunction { Hid = hid });

    /// <summary><c>HardwareRegistry.count()</c>: HIDs ever registered (ids are 1..count).</summary>
    public static Task<BigInteger> HardwareCountAsync(this DashboardStack stack) =>
        Query<HardwareCountFunction, BigInteger>(stack, "HardwareRegistry", new HardwareCountFunction());

    /// <summary><c>PowerParams.revenueWeight(computeType)</c>: the RID supply of a VID's first listing.</summary>
    public static Task<BigInteger> RevenueWeightAsync(this DashboardStack stack, uint computeType) =>
        Query<RevenueWeightFunction, BigInteger>(stack, "PowerParams", new RevenueWeightFunction { ComputeType = computeType });

    /// <summary>ERC-20 <c>allowance(owner, ComputeMarket)</c> of a payment token (by manifest name).</summary>
    public static Task<BigInteger> MarketAllowanceAsync(this DashboardStack stack, string token, string owner) =>
        Query<AllowanceFunction, BigInteger>(stack, token, new AllowanceFunction { Owner = owner, Spender = stack.Manifest["ComputeMarket"] });

    /// <summary>ERC-20 <c>symbol()</c> of the token at <paramref name="address"/>.</summary>
    public static Task<string> SymbolAsync(this DashboardStack stack, string address) =>
        Query<SymbolFunction, string>(stack, address, new SymbolFunction());

    /// <summary>
    /// Waits until the API's read model has the DAO's GPU models (the indexer catches up with the deployment's blocks
    /// after the stack starts): the provider's register form offers the models it had when it loaded.
    /// </summary>
    public static async Task DaoIndexedAsync(this DashboardStack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await stack.Api.GetAsync("/api/gpus")).Json.GetProperty("items").GetArrayLength() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The API lists no GPU model 60 s after the stack started.");
            await Task.Delay(500);
        }
    }

    private static Task<TResult> Query<TFunction, TResult>(DashboardStack stack, string contract, TFunction call)
        where TFunction : FunctionMessage, new()
    {
        ArgumentNullException.ThrowIfNull(stack);
        var address = contract.StartsWith("0x", StringComparison.Ordinal) ? contract : stack.Manifest[contract];
        return stack.Web3.Eth.GetContractQueryHandler<TFunction>().QueryAsync<TResult>(address, call);
    }

    [Function("isStaked", "bool")]
    private sealed class IsStakedFunction : FunctionMessage
    {
        [Parameter("uint256", "hid", 1)]
        public BigInteger Hid { get; set; }
    }
}
