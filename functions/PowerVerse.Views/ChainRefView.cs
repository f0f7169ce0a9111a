namespace PowerVerse.Views;

/// <summary>The chain event that last wrote a record.</summary>
public sealed record ChainRefView(long Block, string TxHash, int LogIndex);
