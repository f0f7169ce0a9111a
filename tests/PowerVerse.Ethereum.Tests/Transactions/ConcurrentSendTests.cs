using System.Numerics;
using PowerVerse.Ethereum.Tests.Support;
using PowerVerse.Ethereum.Transactions;

namespace PowerVerse.Ethereum.Tests.Transactions;

/// <summary>Many callers sharing one platform key. Account #13.</summary>
public sealed class ConcurrentSendTests
{
    private const int Account = 13;
    private const int Count = 200;

    [Fact]
    public async Task SendAsync_200ConcurrentCallers_AllMineWithConsecutiveNonces()
    {
        var chain = await Chain.Shared;
        using var sender = chain.Sender(Account);
        var market = chain.Market;
        var startNonce = await chain.Eth.GetTransactionCountAsync(sender.Address);
        var startCount = await market.CallAsync<BigInteger>("countOf", sender.Address);
        var bump = market.EncodeCall("bump");

        var entries = await Task.WhenAll(Enumerable.Range(0, Count).Select(_ =>
            Task.Run(() => sender.SendAsync(new TransactionRequest { To = chain.MarketAddress, Data = bump, GasLimit = 100_000 }))));
        var receipts = await Task.WhenAll(entries.Select(e => sender.WaitForConfirmationsAsync(e)));

        Assert.Equal(Enumerable.Range((int)startNonce, Count).Select(n => (long)n), entries.Select(e => e.Nonce).Order());
        Assert.All(receipts, r => Assert.True(r.Succeeded));
        Assert.Equal(Count, receipts.Select(r => r.TransactionHash).Distinct().Count());
        Assert.Equal(startNonce + Count, await chain.Eth.GetTransactionCountAsync(sender.Address, "latest"));
        Assert.Equal(startCount + Count, await market.CallAsync<BigInteger>("countOf", sender.Address));

        // The Bumped events count 1..200 in nonce order: each transaction ran exactly once, in order.
        var counts = entries.OrderBy(e => e.Nonce).Select(e => receipts.Single(r => r.TransactionHash == e.TransactionHash))
            .Select(r => (BigInteger)market.DecodeEvents(r).Single()["count"]!).ToArray();
        Assert.Equal(Enumerable.Range(1, Count).Select(i => startCount + i), counts);
    }
}
