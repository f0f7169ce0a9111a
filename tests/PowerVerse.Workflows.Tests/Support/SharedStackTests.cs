namespace PowerVerse.Workflows.Tests.Support;

/// <summary>
/// One local stack for the tests that share it, run one after another (each uses its own hardware and resources and
/// judges balances by their change). Scenario 2 has a stack of its own: it waits for a rental to end on the wall
/// clock, which a chain moved ahead by the others would never reach.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedStackTests : ICollectionFixture<LocalStack>
{
    public const string Name = "shared local stack";
}
