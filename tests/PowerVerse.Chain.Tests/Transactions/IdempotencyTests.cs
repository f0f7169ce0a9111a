using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using PowerVerse.Chain.Forwarding;
using PowerVerse.Chain.Tests.Support;
using PowerVerse.Chain.Transactions;

namespace PowerVerse.Chain.Tests.Transactions;

/// <summary>
/// Requests with an idempotency key (<see cref="TransactionRequest.Key"/>) over a Table journal on Azurite and the
/// Hardhat node: one nonce per key, however often and from however many senders it is sent. Relayer #17, user #16.
/// </summary>
public sealed class IdempotencyTests
{
    private const int Relayer = 17;
    private const int User = 16;

    [Fact]
    public async Task SendAsync_SameKeyTwice_OneNonceOneTransactionSameEntry()
    {
        var chain = await TestChain.Shared;
        var table = TestChain.NewTableName();
        using var sender = await chain.SenderAsync(Relayer, table);
        var request = Bump(chain) with { Key = "bump:" + Guid.NewGuid().ToString("N") };
        var startNonce = await chain.NonceAsync(sender.Address);
        var startCount = await CountAsync(chain, sender.Address);

        var first = await sender.SendAsync(request);
        var second = await sender.SendAsync(request);
        await sender.WaitForConfirmationsAsync(second);

        Assert.Equal(first.Nonce, second.Nonce);
        Assert.Equal(first.TransactionHash, second.TransactionHash);
        Assert.Equal(request.Key, second.Key);
        Assert.Equal(startNonce + 1, await chain.NonceAsync(sender.Address));
        Assert.Equal(startCount + 1, await CountAsync(chain, sender.Address));
        var found = await (await chain.JournalAsync(table)).FindByKeyAsync(sender.Address, request.Key!);
        Assert.Equal(first.TransactionHash, found?.TransactionHash);
    }

    [Fact]
    public async Task SendAsync_SameKeyConcurrentlyFromTwoSenders_OneNonceUsedBothGetTheSameHash()
    {
        const int Rounds = 5;
        var chain = await TestChain.Shared;
        var table = TestChain.NewTableName();
        using var one = await chain.SenderAsync(Relayer, table);
        using var two = await chain.SenderAsync(Relayer, table);
        var user = TestChain.Key(User);
        var forwarder = new ForwarderClient(chain.Web3, chain.ForwarderAddress);
        var domain = await forwarder.ReadDomainAsync();
        var startNonce = await chain.NonceAsync(one.Address);
        var startCount = await CountAsync(chain, user.GetPublicAddress());

        for (var round = 0; round < Rounds; round++)
        {
            // A relayed call without a gas limit: the loser may estimate after the winner's transaction ran, when the
            // forwarder's nonce is used and the estimate reverts; it must still answer with the winner's entry.
            var forward = await forwarder.BuildAsync(user.GetPublicAddress(), chain.MarketAddress, new BumpFunction().GetCallData(), 200_000, Deadline());
            var request = new TransactionRequest
            {
                To = forwarder.Address,
                Data = ForwarderClient.ExecuteCalldata(ForwardRequestSigner.Sign(forward, domain, user)),
                Key = ForwardRequestSigner.Hash(forward, domain).ToHex(prefix: true),
            };

            var entries = await Task.WhenAll(Task.Run(() => one.SendAsync(request)), Task.Run(() => two.SendAsync(request)));
            var receipt = await one.WaitForConfirmationsAsync(entries[0]);

            Assert.Equal(entries[0].TransactionHash, entries[1].TransactionHash);
            Assert.Equal(entries[0].Nonce, entries[1].Nonce);
            Assert.True(receipt.Succeeded());
        }

        Assert.Equal(startNonce + Rounds, await chain.NonceAsync(one.Address));
        Assert.Equal(startCount + Rounds, await CountAsync(chain, user.GetPublicAddress()));
        Assert.Empty(await (await chain.JournalAsync(table)).GetUnconfirmedAsync(one.Address));
    }

    [Fact]
    public async Task SendAsync_NoKey_EachSendIsANewTransaction()
    {
        var chain = await TestChain.Shared;
        using var sender = await chain.SenderAsync(Relayer);
        var request = Bump(chain);
        var startNonce = await chain.NonceAsync(sender.Address);

        var first = await sender.SendAsync(request);
        var second = await sender.SendAsync(request);
        await sender.WaitForConfirmationsAsync(second);

        Assert.Null(first.Key);
        Assert.Equal(first.Nonce + 1, second.Nonce);
        Assert.NotEqual(first.TransactionHash, second.TransactionHash);
        Assert.Equal(startNonce + 2, await chain.NonceAsync(sender.Address));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("0x12#34")]
    [InlineData("key with space")]
    [InlineData("ü")]
    public void Key_BadCharacters_ArgumentException(string key)
    {
        Assert.Throws<ArgumentException>(() => new TransactionRequest { To = TestChain.AddressOf(User), Key = key });
    }

    [Fact]
    public void Key_Length_AtMost200()
    {
        Assert.Equal(200, new TransactionRequest { To = TestChain.AddressOf(User), Key = new string('a', 200) }.Key!.Length);
        Assert.Throws<ArgumentException>(() => new TransactionRequest { To = TestChain.AddressOf(User), Key = new string('a', 201) });
    }

    [Fact]
    public async Task FindByKeyAsync_UnknownKey_Null()
    {
        var chain = await TestChain.Shared;
        var journal = await chain.JournalAsync(TestChain.NewTableName());

        Assert.Null(await journal.FindByKeyAsync(TestChain.AddressOf(Relayer), "0x" + new string('0', 64)));
        await Assert.ThrowsAsync<ArgumentException>(() => journal.FindByKeyAsync(TestChain.AddressOf(Relayer), "no?"));
    }

    [Fact]
    public async Task AppendAsync_KeyWhoseNonceWasFilled_KeyIsFreeAgain()
    {
        var chain = await TestChain.Shared;
        var journal = await chain.JournalAsync(TestChain.NewTableName());
        var account = TestChain.AddressOf(Relayer);
        var keyed = await journal.AppendAsync(account, 0, nonce => Entry(account, nonce, "0xa1") with { Key = "0xk1" });

        var duplicate = await journal.AppendAsync(account, 0, nonce => Entry(account, nonce, "0xb2") with { Key = "0xk1" });
        // The node refused the keyed transaction and the sender filled its nonce with a self-transfer (no key).
        await journal.UpdateAsync(Entry(account, keyed.Nonce, "0xf3"));
        var released = await journal.FindByKeyAsync(account, "0xk1");
        var again = await journal.AppendAsync(account, 0, nonce => Entry(account, nonce, "0xc4") with { Key = "0xk1" });

        Assert.Equal("0xa1", duplicate.TransactionHash);
        Assert.Null(released);
        Assert.Equal(keyed.Nonce + 1, again.Nonce);
        Assert.Equal("0xc4", (await journal.FindByKeyAsync(account, "0xk1"))?.TransactionHash);
    }

    private static JournalEntry Entry(string account, long nonce, string hash) =>
        new(account, nonce, "0x02", hash, JournalState.Recorded, DateTimeOffset.UnixEpoch, []);

    private static TransactionRequest Bump(TestChain chain) =>
        new() { To = chain.MarketAddress, Data = new BumpFunction().GetCallData() };

    private static Task<BigInteger> CountAsync(TestChain chain, string account) =>
        chain.QueryAsync<CountOfFunction, BigInteger>(new CountOfFunction { Account = account });

    private static ulong Deadline() => (ulong)DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
}
