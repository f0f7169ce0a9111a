namespace PowerVerse.Functions.Indexer;

/// <summary>How the indexer follows the chain (configuration section <c>Indexer</c>).</summary>
public sealed class IndexerOptions
{
    /// <summary>Blocks a log must be under before it is indexed (0: as soon as it is mined).</summary>
    public uint Confirmations { get; set; } = 2;

    /// <summary>Blocks per eth_getLogs request (Nethereum splits a range the node refuses).</summary>
    public int BlocksPerRequest { get; set; } = 1000;

    /// <summary>How many recent progress points keep their block hash, to find where a reorg forked.</summary>
    public int ReorgWindow { get; set; } = 128;
}
