using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Tests.Support;
using PowerVerse.Ethereum.Transactions;

namespace PowerVerse.Ethereum.Tests.Transactions;

public sealed class FileNonceJournalTests
{
    private static readonly Address Account = EthereumKey.Parse(TestData.PrivateKey(10)).Address;

    [Fact]
    public async Task AppendAsync_TwoJournalsOverOneFolderInParallel_NeverShareANonce()
    {
        var folder = Chain.NewJournalDirectory();
        using var first = new FileNonceJournal(folder);
        using var second = new FileNonceJournal(folder);

        var entries = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).AppendAsync(Account, 5, n => Entry(n)))));

        Assert.Equal(Enumerable.Range(5, 100).Select(n => (long)n), entries.Select(e => e.Nonce).Order());
        Assert.Equal(100, (await first.GetUnconfirmedAsync(Account)).Count);
    }

    [Fact]
    public async Task AppendAsync_ChainAhead_StartsAtTheChainNonce()
    {
        using var journal = new FileNonceJournal(Chain.NewJournalDirectory());

        var first = await journal.AppendAsync(Account, 3, n => Entry(n));
        var second = await journal.AppendAsync(Account, 10, n => Entry(n));
        var third = await journal.AppendAsync(Account, 0, n => Entry(n));

        Assert.Equal([3L, 10L, 11L], new[] { first.Nonce, second.Nonce, third.Nonce });
    }

    [Fact]
    public async Task AppendAsync_ManyConfirmedEntries_CompactsAndKeepsCounting()
    {
        var folder = Chain.NewJournalDirectory();
        using var journal = new FileNonceJournal(folder, compactAboveBytes: 20_000);
        for (var i = 0; i < 250; i++)
        {
            var entry = await journal.AppendAsync(Account, 0, n => Entry(n));
            if (i != 7)
            {
                await journal.UpdateAsync(entry with { State = JournalState.Confirmed });
            }
        }

        using var reopened = new FileNonceJournal(folder, compactAboveBytes: 20_000);
        var next = await reopened.AppendAsync(Account, 0, n => Entry(n));

        Assert.Equal(250, next.Nonce);
        Assert.Equal([7L, 250L], (await reopened.GetUnconfirmedAsync(Account)).Select(e => e.Nonce));
        Assert.True(new FileInfo(Path.Combine(folder, Account.ToLowerHex() + ".jsonl")).Length < 20_000 + 1_000);
    }

    private static JournalEntry Entry(long nonce) =>
        new(Account, nonce, "0x02c0", "0x" + nonce.ToString("x64", System.Globalization.CultureInfo.InvariantCulture), JournalState.Recorded, DateTimeOffset.UnixEpoch, []);
}
