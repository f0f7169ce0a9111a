using System.Numerics;
using PowerVerse.Ethereum.Abi;
using PowerVerse.Ethereum.Contracts;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Tests.Support;

namespace PowerVerse.Ethereum.Tests.Contracts;

/// <summary>Deploy, call, transact, events and reverts against the real Hardhat node. Account #10.</summary>
public sealed class MarketContractTests
{
    private const int Account = 10;

    [Fact]
    public async Task List_ThenCallAndDecodeEvent_ReturnsTheListing()
    {
        var chain = await Chain.Shared;
        using var sender = chain.Sender(Account);
        var market = chain.Market;

        var entry = await market.SendAsync(sender, "list", [101, BigInteger.Pow(10, 18), "GPU #1"]);
        var receipt = await sender.WaitForConfirmationsAsync(entry);
        var listing = await market.CallAsync("listing", [101]);

        Assert.True(receipt.Succeeded);
        var listed = Assert.Single(market.DecodeEvents(receipt));
        Assert.Equal("Listed", listed.Name);
        Assert.Equal(new BigInteger(101), listed["uid"]);
        Assert.Equal(sender.Address, listed["seller"]);
        Assert.Equal(BigInteger.Pow(10, 18), listed["price"]);
        Assert.Equal("GPU #1", listed["note"]);
        Assert.Equal(sender.Address, listing[0]);
        Assert.Equal(BigInteger.Pow(10, 18), listing[1]);
        Assert.Equal(true, listing[2]);
    }

    [Fact]
    public async Task Buy_InactiveListing_ThrowsDecodedCustomError()
    {
        var chain = await Chain.Shared;
        using var sender = chain.Sender(Account);

        var ex = await Assert.ThrowsAsync<ContractRevertException>(() => chain.Market.SendAsync(sender, "buy", [999]));

        Assert.Equal("EthereumTestMarketListingNotActive", ex.ErrorName);
        Assert.Equal(new BigInteger(999), ex.Error!["uid"]);
        Assert.Equal($"buy reverted: EthereumTestMarketListingNotActive(uid=999, caller={sender.Address})", ex.Message);
    }

    [Fact]
    public async Task Call_RevertWithReason_DecodesErrorString()
    {
        var chain = await Chain.Shared;

        var ex = await Assert.ThrowsAsync<ContractRevertException>(() => chain.Market.CallAsync("fail", ["listing closed"]));

        Assert.Equal("Error", ex.ErrorName);
        Assert.Contains("Error(message=\"listing closed\")", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Echo_NestedTuplesAndArrays_RoundTripThroughTheEvm()
    {
        var chain = await Chain.Shared;
        var buyer = Address.Parse(TestData.Expected.GetProperty("accounts")[11].GetProperty("address").GetString()!);
        object?[] orders =
        [
            new object?[] { buyer, ulong.MaxValue, new byte[32], "first ✓" },
            new object?[] { Address.Zero, 0, Enumerable.Repeat((byte)7, 32).ToArray(), string.Empty },
        ];
        object?[] pair = [-8388608, 8388607];
        var blob = Enumerable.Range(0, 70).Select(i => (byte)i).ToArray();

        var result = await chain.Market.CallAsync("echo", [orders, pair, blob]);

        var function = Chain.MarketAbi.GetFunction("echo");
        Assert.Equal(AbiEncoder.Encode(function.Inputs, [orders, pair, blob]), AbiEncoder.Encode(function.Outputs, result));
        Assert.Equal("first ✓", ((IReadOnlyList<object?>)((IReadOnlyList<object?>)result[0]!)[0]!)[3]);
    }

    [Fact]
    public async Task GetEvents_FilteredOnIndexedUid_ReturnsOnlyThatListing()
    {
        var chain = await Chain.Shared;
        using var sender = chain.Sender(Account);
        var market = chain.Market;
        var from = await chain.Eth.BlockNumberAsync();
        foreach (var uid in new[] { 201, 202, 201 })
        {
            await sender.WaitForConfirmationsAsync(await market.SendAsync(sender, "list", [uid, uid, "n"]));
        }

        var events = await market.GetEventsAsync("Listed", from, await chain.Eth.BlockNumberAsync(), [201, sender.Address]);

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(new BigInteger(201), e.Event["uid"]));
        Assert.True(events[0].Log.BlockNumber < events[1].Log.BlockNumber);
    }
}
