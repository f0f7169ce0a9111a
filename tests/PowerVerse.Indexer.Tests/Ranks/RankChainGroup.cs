namespace PowerVerse.Indexer.Tests.Ranks;

/// <summary>The rank tests share one chain, one local host and its read model.</summary>
[CollectionDefinition(Name)]
public sealed class RankChainGroup : ICollectionFixture<RankChainFixture>
{
    public const string Name = "ranks on chain";
}
