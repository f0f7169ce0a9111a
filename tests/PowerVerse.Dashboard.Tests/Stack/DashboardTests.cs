namespace PowerVerse.Dashboard.Tests.Stack;

/// <summary>One dashboard stack for the browser tests, run one after another (each user in a fresh browser context).</summary>
[CollectionDefinition(Name)]
public sealed class DashboardTests : ICollectionFixture<DashboardStack>
{
    public const string Name = "dashboard stack";
}
