using PowerVerse.Functions.Indexer;

namespace PowerVerse.Packaging.Tests.Publishing;

/// <summary><c>Chain__Manifest</c> as Bicep sets it (package-relative) and as the local stack sets it (absolute).</summary>
public sealed class ManifestPathTests
{
    [Fact]
    public void ManifestPath_Relative_IsReadFromTheAppsBaseDirectory() =>
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "deployments", "31337.json"), IndexerRegistration.ManifestPath("deployments/31337.json"));

    [Fact]
    public void ManifestPath_Absolute_StaysAsItIs()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "deployments", "31337.json");

        Assert.Equal(absolute, IndexerRegistration.ManifestPath(absolute));
    }
}
