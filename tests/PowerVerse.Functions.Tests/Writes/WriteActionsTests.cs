using Nethereum.Contracts;
using PowerVerse.Chain.Contracts;
using PowerVerse.Functions.Writes;

namespace PowerVerse.Functions.Tests.Writes;

public sealed class WriteActionsTests
{
    [Fact]
    public void All_RoutesNamesAndSelectors_AreDistinct()
    {
        Assert.Equal(WriteActions.All.Count, WriteActions.All.Select(a => a.Route).Distinct().Count());
        Assert.Equal(WriteActions.All.Count, WriteActions.All.Select(a => a.Name).Distinct().Count());
        var selectors = WriteActions.All.SelectMany(a => a.Functions.Select(f => (a.Contract, f.Selector))).ToList();
        Assert.Equal(selectors.Count, selectors.Distinct().Count());
    }

    [Fact]
    public void Decode_TheRoutesCall_GivesItsArguments()
    {
        var data = new BuyFunction { Uid = 7, Token = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", Price = 120_000_000 }.GetCallData();

        var decoded = Assert.IsType<BuyFunction>(WriteActions.Purchase.Decode(data));

        Assert.Equal(7, (int)decoded.Uid);
        Assert.Equal(120_000_000, (long)decoded.Price);
    }

    [Fact]
    public void Decode_AnotherRoutesCall_IsNull()
    {
        var data = new ClaimIncomeFunction { Vid = 1, Token = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0" }.GetCallData();

        Assert.Null(WriteActions.Purchase.Decode(data));
        Assert.Null(WriteActions.Purchase.Decode([0x01, 0x02]));
    }

    [Fact]
    public void Decode_EitherListingFunction_IsAListing()
    {
        var plain = new ListFunction { Uid = 1, Token = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", Price = 1 }.GetCallData();
        var first = new ListWithRevenueRightsFunction { Uid = 1, Token = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", Price = 1, Beneficiaries = ["0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0"], Shares = [1000] }.GetCallData();

        Assert.IsType<ListFunction>(WriteActions.ListUsageRight.Decode(plain));
        Assert.IsType<ListWithRevenueRightsFunction>(WriteActions.ListUsageRight.Decode(first));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(35)]
    [InlineData(99)]
    public void Decode_CutCalldata_IsRefused(int length)
    {
        var data = new BuyFunction { Uid = 7, Token = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", Price = 120_000_000 }.GetCallData();

        Assert.Throws<FormatException>(() => WriteActions.Purchase.Decode(data[..length]));
    }

    [Fact]
    public void Decode_TrailingBytes_AreRefused()
    {
        var data = new CreateUsageRightFunction { Vid = 3, Duration = 3600 }.GetCallData();

        Assert.Throws<FormatException>(() => WriteActions.CreateUsageRight.Decode([.. data, 0x01]));
    }
}
