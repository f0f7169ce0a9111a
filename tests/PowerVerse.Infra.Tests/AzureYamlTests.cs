using PowerVerse.Testing;

namespace PowerVerse.Infra.Tests;

/// <summary>
/// azure.yaml, read as text (azd itself cannot be installed here): the api service, the postprovision hook on both
/// shells, and the up workflow that provisions before it deploys, so the manifest the hook writes is in the package.
/// </summary>
public sealed class AzureYamlTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "azure.yaml"));

    [Fact]
    public void Services_Api_IsTheFunctionsProjectOnAzureFunctions()
    {
        var api = Block("services:", "  api:");

        Assert.Contains("    project: ./functions/PowerVerse.Functions", api);
        Assert.Contains("    language: dotnet", api);
        Assert.Contains("    host: function", api);
        Assert.True(Directory.Exists(Path.Combine(RepoPaths.Root, "functions", "PowerVerse.Functions")));
    }

    [Fact]
    public void Hooks_Postprovision_RunsTheHookScriptOnBothShells()
    {
        var hook = Block("hooks:", "  postprovision:");

        Assert.Contains("      shell: sh", hook);
        Assert.Contains("      run: infra/hooks/postprovision.sh", hook);
        Assert.Contains("      shell: pwsh", hook);
        Assert.Contains("      run: infra/hooks/postprovision.ps1", hook);
    }

    [Fact]
    public void Workflows_Up_ProvisionsThenDeploysEverything()
    {
        var up = Block("workflows:", "  up:");

        var steps = up.Where(l => l.TrimStart().StartsWith("- azd:", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Equal(["- azd: provision", "- azd: deploy --all"], steps);
    }

    // The lines under KEY (two-space indent) inside the top-level SECTION.
    private static List<string> Block(string section, string key)
    {
        var start = Array.IndexOf(Lines, section);
        Assert.True(start >= 0, $"azure.yaml has no '{section}'.");
        var body = Lines.Skip(start + 1).TakeWhile(l => l.Length == 0 || l.StartsWith(' ')).ToList();
        var at = body.IndexOf(key);
        Assert.True(at >= 0, $"azure.yaml has no '{key.Trim()}' under '{section}'.");
        return body.Skip(at + 1).TakeWhile(l => l.Length == 0 || l.StartsWith("   ", StringComparison.Ordinal)).ToList();
    }
}
