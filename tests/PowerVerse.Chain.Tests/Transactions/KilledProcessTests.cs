using System.Globalization;
using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Tests.Support;
using PowerVerse.Chain.Transactions;
using PowerVerse.Testing;

namespace PowerVerse.Chain.Tests.Transactions;

/// <summary>A sender process killed with SIGKILL between journalling and sending. Account #18.</summary>
public sealed class KilledProcessTests
{
    private const int Account = 18;

    [Fact]
    public async Task SendAsync_ProcessKilledBetweenJournalAndSend_NextSenderMinesItWithoutGapOrDuplicate()
    {
        var chain = await TestChain.Shared;
        var table = TestChain.NewTableName();
        var address = TestChain.AddressOf(Account);
        var startNonce = await chain.NonceAsync(address);
        var startCount = await chain.QueryAsync<CountOfFunction, BigInteger>(new CountOfFunction { Account = address });
        var bump = new BumpFunction().GetCallData();

        await using (var child = ChildProcess.Start("dotnet",
            [typeof(KilledProcessTests).Assembly.Location, "send-and-hang", chain.Node.RpcUrl.ToString(), chain.Storage.ConnectionString, table,
             TestData.PrivateKey(Account), chain.MarketAddress, bump.ToHex(prefix: true)]))
        {
            var line = await child.WaitForLineAsync("recorded ", TimeSpan.FromSeconds(60));
            await child.KillAsync();
            Assert.Equal(startNonce, long.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture));
        }

        Assert.Equal(startNonce, await chain.NonceAsync(address));
        using var next = await chain.SenderAsync(Account, table);
        var later = await next.SendAsync(new TransactionRequest { To = chain.MarketAddress, Data = bump, GasLimit = 100_000 });
        var journal = await chain.JournalAsync(table);
        foreach (var entry in await journal.GetUnconfirmedAsync(address))
        {
            await next.WaitForConfirmationsAsync(entry);
        }

        Assert.Equal(startNonce + 1, later.Nonce);
        Assert.Equal(startNonce + 2, await chain.NonceAsync(address));
        Assert.Equal(startCount + 2, await chain.QueryAsync<CountOfFunction, BigInteger>(new CountOfFunction { Account = address }));
        Assert.Empty(await journal.GetUnconfirmedAsync(address));
    }

    [Fact]
    public async Task SendAsync_AnotherSenderDiedHoldingTheNonceBelow_SendsItsJournalledTransactionAndBothMine()
    {
        var chain = await TestChain.Shared;
        var table = TestChain.NewTableName();
        var address = TestChain.AddressOf(Account);
        var startCount = await chain.QueryAsync<CountOfFunction, BigInteger>(new CountOfFunction { Account = address });
        var bump = new BumpFunction().GetCallData();
        // This sender has resumed the (empty) journal already, so nothing but the send itself can find the gap.
        using var live = await chain.SenderAsync(Account, table);
        await live.ResumeAsync();

        await using (var child = ChildProcess.Start("dotnet",
            [typeof(KilledProcessTests).Assembly.Location, "send-and-hang", chain.Node.RpcUrl.ToString(), chain.Storage.ConnectionString, table,
             TestData.PrivateKey(Account), chain.MarketAddress, bump.ToHex(prefix: true)]))
        {
            await child.WaitForLineAsync("recorded ", TimeSpan.FromSeconds(60));
            await child.KillAsync();
        }

        // Its nonce is one above the dead sender's, which never reached the node (Hardhat refuses it as too high).
        var entry = await live.SendAsync(new TransactionRequest { To = chain.MarketAddress, Data = bump, GasLimit = 100_000 });
        var receipt = await live.WaitForConfirmationsAsync(entry).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(receipt.Succeeded());
        Assert.Equal(startCount + 2, await chain.QueryAsync<CountOfFunction, BigInteger>(new CountOfFunction { Account = address }));
    }
}
