using System.Globalization;
using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Tests.Support;
using PowerVerse.Chain.Transactions;
using PowerVerse.Testing;

namespace PowerVerse.Chain.Tests.Transactions;

/// <summary>One platform key shared by two processes through one Table journal on Azurite. Account #13.</summary>
public sealed class SharedJournalTests
{
    private const int Account = 13;
    private const int PerProcess = 100;

    [Fact]
    public async Task SendAsync_200ConcurrentSendsFromTwoProcesses_ConsecutiveNoncesNoGapNoDuplicate()
    {
        var chain = await TestChain.Shared;
        var table = TestChain.NewTableName();
        using var sender = await chain.SenderAsync(Account, table);
        var startNonce = await chain.NonceAsync(sender.Address);
        var startCount = await chain.QueryAsync<CountOfFunction, BigInteger>(new CountOfFunction { Account = sender.Address });
        var bump = new BumpFunction().GetCallData();

        await using var other = ChildProcess.Start("dotnet",
        [
            typeof(SharedJournalTests).Assembly.Location, "send-many", chain.Node.RpcUrl.ToString(), chain.Storage.ConnectionString, table,
            TestData.PrivateKey(Account), chain.MarketAddress, bump.ToHex(prefix: true), PerProcess.ToString(CultureInfo.InvariantCulture),
        ]);
        var ours = await Task.WhenAll(Enumerable.Range(0, PerProcess).Select(_ =>
            Task.Run(() => sender.SendAsync(new TransactionRequest { To = chain.MarketAddress, Data = bump, GasLimit = 100_000 }))));
        var receipts = await Task.WhenAll(ours.Select(e => sender.WaitForConfirmationsAsync(e)));
        await other.WaitForLineAsync("done", TimeSpan.FromMinutes(3));
        var theirs = other.Output.Split('\n').Where(l => l.StartsWith("sent ", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ')[1], CultureInfo.InvariantCulture)).ToList();

        var nonces = ours.Select(e => e.Nonce).Concat(theirs).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 2 * PerProcess).Select(i => startNonce + i), nonces);
        Assert.All(receipts, r => Assert.True(r.Succeeded()));
        Assert.Equal(startNonce + (2 * PerProcess), await chain.NonceAsync(sender.Address));
        // Each of the 200 bumps ran exactly once.
        Assert.Equal(startCount + (2 * PerProcess), await chain.QueryAsync<CountOfFunction, BigInteger>(new CountOfFunction { Account = sender.Address }));
        Assert.Empty(await (await chain.JournalAsync(table)).GetUnconfirmedAsync(sender.Address));
    }
}
