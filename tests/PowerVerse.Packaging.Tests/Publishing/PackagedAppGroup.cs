namespace PowerVerse.Packaging.Tests.Publishing;

/// <summary>One package (with its chain, Azurite and local host) for every test that looks at it.</summary>
[CollectionDefinition(Name)]
public sealed class PackagedAppGroup : ICollectionFixture<PackagedApp>
{
    public const string Name = "packaged app";
}
