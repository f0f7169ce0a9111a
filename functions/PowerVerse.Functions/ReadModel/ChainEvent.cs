namespace PowerVerse.Functions.ReadModel;

/// <summary>
/// The chain event that last wrote a row: its block and its (transaction hash, log index). Every row projected from
/// an event carries them, so that when a reorg rewinds blocks the rows written from the rewound blocks can be found
/// and retracted (DESIGN §3, Indexer).
/// </summary>
internal sealed record ChainEvent(long Block, string TxHash, int LogIndex)
{
    /// <summary>For rows not written from an event (the dividend orchestration's per-account amounts).</summary>
    public static ChainEvent None { get; } = new(0, string.Empty, 0);
}
