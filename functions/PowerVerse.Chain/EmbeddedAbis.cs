using System.Reflection;

namespace PowerVerse.Chain;

/// <summary>The PowerVerse contracts' ABIs (contracts/abi), embedded at build.</summary>
internal static class EmbeddedAbis
{
    public static IReadOnlyList<string> Read()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("PowerVerse.Chain.Abi.", StringComparison.Ordinal))
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return reader.ReadToEnd();
            })
            .ToList();
    }
}
