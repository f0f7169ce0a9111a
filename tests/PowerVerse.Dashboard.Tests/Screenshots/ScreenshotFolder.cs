using PowerVerse.Testing;

namespace PowerVerse.Dashboard.Tests.Screenshots;

/// <summary>Where the screens' pictures go with the test results: <c>$PV_TEST_RESULTS/dashboard</c>, else <c>.pv/test-results/dashboard</c> (kept by <c>./pv test</c>).</summary>
public static class ScreenshotFolder
{
    public static string Path => System.IO.Path.Combine(
        Environment.GetEnvironmentVariable("PV_TEST_RESULTS") is { Length: > 0 } results ? results : System.IO.Path.Combine(RepoPaths.Root, ".pv", "test-results"),
        "dashboard");

    /// <summary><c>FOLDER/SCENARIO-SCREEN.png</c>, the folder created.</summary>
    public static string For(string scenario, string screen)
    {
        Directory.CreateDirectory(Path);
        return System.IO.Path.Combine(Path, $"{scenario}-{screen}.png");
    }
}
