namespace PowerVerse.Indexer.Tests.SeedMarket;

/// <summary>The seed-market tests share one deployment and one indexed read model, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SeedMarketGroup : ICollectionFixture<SeedMarketFixture>
{
    public const string Name = "seed market";
}
