using System.Reflection;
using System.Text.Json;

namespace PowerVerse.LocalHost.Hosting;

/// <summary>
/// The check <see cref="PublishedAppLoadContext"/> makes before it loads anything from a package. The context shares
/// with the host every assembly the host has, so of the package's own files only <c>PowerVerse.*</c> (and what the
/// host lacks) really run: a package built against other versions of a third-party package would silently run the
/// host's copies. The rule: for every assembly the package's deps.json lists with an <c>assemblyVersion</c> that the
/// context would take from the host instead (not <c>PowerVerse.*</c>, present among the host's trusted platform
/// assemblies), the host's copy must have the same major and minor version; build and revision may differ (servicing
/// releases keep the API). One exception, as the runtime itself would make it under the Functions host: a copy from a
/// shared framework (<c>dotnet/shared/…</c>) newer than the package's, which wins over a package's copy there too.
/// Any other difference fails start-up, naming every mismatch.
/// </summary>
internal static class PublishedAppDependencies
{
    /// <exception cref="InvalidOperationException">The package has no deps.json, or a shared assembly's version differs.</exception>
    public static void EnsureSharedVersionsMatch(string appAssemblyPath, IReadOnlyDictionary<string, string> hostAssemblies, string ownPrefix)
    {
        var depsFile = Path.ChangeExtension(appAssemblyPath, ".deps.json");
        if (!File.Exists(depsFile))
        {
            throw new InvalidOperationException($"The published app has no {Path.GetFileName(depsFile)} beside {appAssemblyPath}: publish it with 'dotnet publish'.");
        }

        var frameworks = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(typeof(object).Assembly.Location)))!;
        var mismatches = new List<string>();
        foreach (var (name, packaged) in PackagedAssemblies(depsFile))
        {
            if (name.StartsWith(ownPrefix, StringComparison.Ordinal) || !hostAssemblies.TryGetValue(name, out var hostPath)
                || AssemblyName.GetAssemblyName(hostPath).Version is not { } host)
            {
                continue;
            }

            var sameApi = host.Major == packaged.Major && host.Minor == packaged.Minor;
            var frameworkWins = host > packaged && hostPath.StartsWith(frameworks + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            if (!sameApi && !frameworkWins)
            {
                mismatches.Add($"{name} {packaged} (the local host has {host})");
            }
        }

        if (mismatches.Count > 0)
        {
            throw new InvalidOperationException(
                $"The published app {appAssemblyPath} was built against other versions of assemblies the local host shares " +
                $"with it, and would silently run the host's copies: {string.Join("; ", mismatches)}. Serve a package " +
                "published from the same sources (the same Directory.Packages.props) as this local host.");
        }
    }

    // Every runtime assembly of the package's target with the assembly version deps.json records for it.
    private static List<(string Name, Version Version)> PackagedAssemblies(string depsFile)
    {
        using var deps = JsonDocument.Parse(File.ReadAllBytes(depsFile));
        var target = deps.RootElement.GetProperty("runtimeTarget").GetProperty("name").GetString()!;
        var assemblies = new List<(string, Version)>();
        foreach (var library in deps.RootElement.GetProperty("targets").GetProperty(target).EnumerateObject())
        {
            if (!library.Value.TryGetProperty("runtime", out var runtime))
            {
                continue;
            }

            foreach (var file in runtime.EnumerateObject())
            {
                if (file.Value.TryGetProperty("assemblyVersion", out var text) && Version.TryParse(text.GetString(), out var version))
                {
                    assemblies.Add((Path.GetFileNameWithoutExtension(file.Name), version));
                }
            }
        }

        return assemblies;
    }
}
