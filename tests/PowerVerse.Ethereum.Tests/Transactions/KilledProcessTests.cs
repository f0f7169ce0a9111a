using System.Globalization;
using System.Numerics;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;
using PowerVerse.Ethereum.Tests.Support;
using PowerVerse.Ethereum.Transactions;
using PowerVerse.Testing;

namespace PowerVerse.Ethereum.Tests.Transactions;

/// <summary>A sender process killed with SIGKILL between journalling and sending. Account #18.</summary>
public sealed class KilledProcessTests
{
    private const int Account = 18;

    [Fact]
    public async Task SendAsync_ProcessKilledBetweenSignAndSend_NextSenderMinesItWithoutGapOrDuplicate()
    {
        var chain = await Chain.Shared;
        var journal = Chain.NewJournalDirectory();
        var address = EthereumKey.Parse(TestData.PrivateKey(Account)).Address;
        var startNonce = await chain.Eth.GetTransactionCountAsync(address);
        var startCount = await chain.Market.CallAsync<BigInteger>("countOf", address);
        var bump = HexEncoding.ToHex(chain.Market.EncodeCall("bump"));

        await using (var child = ChildProcess.Start("dotnet",
            [typeof(KilledProcessTests).Assembly.Location, "send-and-hang", chain.Node.RpcUrl.ToString(), journal, TestData.PrivateKey(Account), chain.MarketAddress.ToString(), bump]))
        {
            var line = await child.WaitForLineAsync("recorded ", TimeSpan.FromSeconds(60));
            await child.KillAsync();
            Assert.Equal(startNonce, long.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture));
        }

        Assert.Equal(startNonce, await chain.Eth.GetTransactionCountAsync(address));
        using var next = chain.Sender(Account, journal);
        var later = await next.SendAsync(new TransactionRequest { To = chain.MarketAddress, Data = HexEncoding.ToBytes(bump), GasLimit = 100_000 });
        foreach (var entry in await new FileNonceJournal(journal).GetUnconfirmedAsync(address))
        {
            await next.WaitForConfirmationsAsync(entry);
        }

        Assert.Equal(startNonce + 1, later.Nonce);
        Assert.Equal(startNonce + 2, await chain.Eth.GetTransactionCountAsync(address, "latest"));
        Assert.Equal(startCount + 2, await chain.Market.CallAsync<BigInteger>("countOf", address));
    }
}
