using System.Numerics;
using PowerVerse.Ethereum.Tests.Support;
using PowerVerse.Ethereum.Transactions;

namespace PowerVerse.Ethereum.Tests.Transactions;

/// <summary>A sender that dies between journalling a signed transaction and sending it. Account #14.</summary>
public sealed class ResumeTests
{
    private const int Account = 14;

    [Fact]
    public async Task ResumeAsync_SenderAbandonedBetweenSignAndSend_RebroadcastsWithoutGapOrDuplicate()
    {
        var chain = await Chain.Shared;
        var journal = Chain.NewJournalDirectory();
        var bump = chain.Market.EncodeCall("bump");
        var request = new TransactionRequest { To = chain.MarketAddress, Data = bump, GasLimit = 100_000 };
        var startNonce = await chain.Eth.GetTransactionCountAsync(chain.Sender(Account).Address);
        var startCount = await chain.Market.CallAsync<BigInteger>("countOf", chain.Sender(Account).Address);

        // The first instance records the signed transaction, then dies before sending it.
        using (var dying = chain.Sender(Account, journal))
        {
            dying.AfterRecord = _ => throw new SimulatedCrashException();
            await Assert.ThrowsAsync<SimulatedCrashException>(() => dying.SendAsync(request));
        }

        Assert.Equal(startNonce, await chain.Eth.GetTransactionCountAsync(chain.Sender(Account).Address));
        using var next = chain.Sender(Account, journal);
        var resumed = Assert.Single(await next.ResumeAsync());
        var later = await next.SendAsync(request);
        await next.WaitForConfirmationsAsync(resumed);
        await next.WaitForConfirmationsAsync(later);

        Assert.Equal(startNonce, resumed.Nonce);
        Assert.Equal(startNonce + 1, later.Nonce);
        Assert.Equal(startNonce + 2, await chain.Eth.GetTransactionCountAsync(next.Address, "latest"));
        Assert.Equal(startCount + 2, await chain.Market.CallAsync<BigInteger>("countOf", next.Address));
        Assert.Empty(await new FileNonceJournal(journal).GetUnconfirmedAsync(next.Address));
    }

    [Fact]
    public async Task SendAsync_NewSenderOverJournalWithUnsentEntry_SendsItFirst()
    {
        var chain = await Chain.Shared;
        var journal = Chain.NewJournalDirectory();
        var request = new TransactionRequest { To = chain.MarketAddress, Data = chain.Market.EncodeCall("bump"), GasLimit = 100_000 };
        using (var dying = chain.Sender(Account, journal))
        {
            dying.AfterRecord = _ => throw new SimulatedCrashException();
            await Assert.ThrowsAsync<SimulatedCrashException>(() => dying.SendAsync(request));
        }

        using var next = chain.Sender(Account, journal);
        var sent = await next.SendAsync(request);
        var pending = await new FileNonceJournal(journal).GetUnconfirmedAsync(next.Address);
        foreach (var entry in pending)
        {
            await next.WaitForConfirmationsAsync(entry);
        }

        var start = sent.Nonce - 1;
        Assert.Equal([start, start + 1], pending.Select(e => e.Nonce));
        Assert.Equal(start + 2, await chain.Eth.GetTransactionCountAsync(next.Address, "latest"));
        Assert.Empty(await new FileNonceJournal(journal).GetUnconfirmedAsync(next.Address));
    }

    private sealed class SimulatedCrashException : Exception;
}
