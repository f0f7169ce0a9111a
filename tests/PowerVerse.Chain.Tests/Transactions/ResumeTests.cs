using System.Numerics;
using Nethereum.Contracts;
using PowerVerse.Chain.Tests.Support;
using PowerVerse.Chain.Transactions;

namespace PowerVerse.Chain.Tests.Transactions;

/// <summary>A sender that dies between journalling a signed transaction and sending it. Account #14.</summary>
public sealed class ResumeTests
{
    private const int Account = 14;

    [Fact]
    public async Task ResumeAsync_SenderAbandonedBetweenJournalAndSend_RebroadcastsWithoutGapOrDuplicate()
    {
        var chain = await TestChain.Shared;
        var table = TestChain.NewTableName();
        var address = TestChain.AddressOf(Account);
        var request = new TransactionRequest { To = chain.MarketAddress, Data = new BumpFunction().GetCallData(), GasLimit = 100_000 };
        var startNonce = await chain.NonceAsync(address);
        var startCount = await chain.QueryAsync<CountOfFunction, BigInteger>(new CountOfFunction { Account = address });

        using (var dying = await chain.SenderAsync(Account, table))
        {
            dying.AfterRecord = _ => throw new SimulatedCrashException();
            await Assert.ThrowsAsync<SimulatedCrashException>(() => dying.SendAsync(request));
        }

        Assert.Equal(startNonce, await chain.NonceAsync(address));
        using var next = await chain.SenderAsync(Account, table);
        var resumed = Assert.Single(await next.ResumeAsync());
        var later = await next.SendAsync(request);
        await next.WaitForConfirmationsAsync(resumed);
        await next.WaitForConfirmationsAsync(later);

        Assert.Equal(startNonce, resumed.Nonce);
        Assert.Equal(startNonce + 1, later.Nonce);
        Assert.Equal(startNonce + 2, await chain.NonceAsync(address));
        Assert.Equal(startCount + 2, await chain.QueryAsync<CountOfFunction, BigInteger>(new CountOfFunction { Account = address }));
        Assert.Empty(await (await chain.JournalAsync(table)).GetUnconfirmedAsync(address));
    }

    [Fact]
    public async Task SendAsync_NewSenderOverJournalWithUnsentEntry_SendsItFirst()
    {
        var chain = await TestChain.Shared;
        var table = TestChain.NewTableName();
        var request = new TransactionRequest { To = chain.MarketAddress, Data = new BumpFunction().GetCallData(), GasLimit = 100_000 };
        using (var dying = await chain.SenderAsync(Account, table))
        {
            dying.AfterRecord = _ => throw new SimulatedCrashException();
            await Assert.ThrowsAsync<SimulatedCrashException>(() => dying.SendAsync(request));
        }

        using var next = await chain.SenderAsync(Account, table);
        var sent = await next.SendAsync(request);
        var journal = await chain.JournalAsync(table);
        var pending = await journal.GetUnconfirmedAsync(next.Address);
        foreach (var entry in pending)
        {
            await next.WaitForConfirmationsAsync(entry);
        }

        var start = sent.Nonce - 1;
        Assert.Equal([start, start + 1], pending.Select(e => e.Nonce));
        Assert.Equal(start + 2, await chain.NonceAsync(next.Address));
        Assert.Empty(await journal.GetUnconfirmedAsync(next.Address));
    }


    private sealed class SimulatedCrashException : Exception;
}
