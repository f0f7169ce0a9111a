using PowerVerse.Chain.Transactions;

namespace PowerVerse.Chain.Tests.Transactions;

public sealed class JournalEntryTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MergedOver_ConcurrentReplacements_KeepsEveryHashThatMayBeMined()
    {
        var stored = Entry("0xb2", JournalState.Sent, "0xa1");
        var incoming = Entry("0xc3", JournalState.Recorded, "0xa1");

        var merged = incoming.MergedOver(stored);

        Assert.Equal("0xc3", merged.TransactionHash);
        Assert.Equal(["0xa1", "0xb2"], merged.ReplacedHashes.Order());
        Assert.Equal(JournalState.Sent, merged.State);
    }

    [Fact]
    public void MergedOver_StaleWriteAfterConfirmation_StaysConfirmed()
    {
        var merged = Entry("0xa1", JournalState.Sent).MergedOver(Entry("0xa1", JournalState.Confirmed));

        Assert.Equal(JournalState.Confirmed, merged.State);
        Assert.Empty(merged.ReplacedHashes);
    }

    private static JournalEntry Entry(string hash, JournalState state, params string[] replaced) =>
        new("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", 7, "0x02", hash, state, At, replaced);
}
