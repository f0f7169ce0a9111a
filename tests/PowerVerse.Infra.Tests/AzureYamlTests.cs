using PowerVerse.Testing;
using YamlDotNet.RepresentationModel;

namespace PowerVerse.Infra.Tests;

/// <summary>
/// azure.yaml (azd itself cannot be installed here, so it is read with YamlDotNet): the api and web services, the postprovision
/// hook on both shells, and the up workflow that provisions before it deploys, so the manifest the hook writes is in
/// the package.
/// </summary>
public sealed class AzureYamlTests
{
    private static readonly YamlMappingNode Root = Load();

    [Fact]
    public void Services_Api_IsTheFunctionsProjectOnAzureFunctions()
    {
        var api = Map(Map(Root, "services"), "api");

        Assert.Equal("./functions/PowerVerse.Functions", Text(api, "project"));
        Assert.Equal("dotnet", Text(api, "language"));
        Assert.Equal("function", Text(api, "host"));
        Assert.True(Directory.Exists(Path.Combine(RepoPaths.Root, "functions", "PowerVerse.Functions")));
    }

    [Fact]
    public void Services_Web_IsTheDashboardOnAStaticWebApp_UploadingThePublishOutputsWwwroot()
    {
        var web = Map(Map(Root, "services"), "web");

        Assert.Equal("./dashboard/PowerVerse.Dashboard", Text(web, "project"));
        Assert.Equal("staticwebapp", Text(web, "host"));
        // custom: azd builds nothing and uploads dist; with dotnet it would upload dist from the source tree.
        Assert.Equal("custom", Text(web, "language"));
        Assert.Equal("bin/swa/wwwroot", Text(web, "dist"));
        foreach (var script in new[] { "web-prepackage.sh", "web-prepackage.ps1" })
        {
            // The hook publishes into the folder dist names (relative to the project).
            Assert.Contains("$project/bin/swa\"", File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "hooks", script)), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("posix", "sh", "../../infra/hooks/web-prepackage.sh")]
    [InlineData("windows", "pwsh", "../../infra/hooks/web-prepackage.ps1")]
    public void Services_Web_Prepackage_RunsTheHookScriptThatExists(string platform, string shell, string script)
    {
        // Service hooks run in the service's project folder, so their paths are relative to it.
        var hook = Map(Map(Map(Map(Map(Root, "services"), "web"), "hooks"), "prepackage"), platform);

        Assert.Equal(shell, Text(hook, "shell"));
        Assert.Equal(script, Text(hook, "run"));
        Assert.Equal("false", Text(hook, "continueOnError"));
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(RepoPaths.Root, "dashboard", "PowerVerse.Dashboard", script))), $"{script} is missing.");
    }

    [Theory]
    [InlineData("posix", "sh", "infra/hooks/postprovision.sh")]
    [InlineData("windows", "pwsh", "infra/hooks/postprovision.ps1")]
    public void Hooks_Postprovision_RunsTheHookScriptThatExists(string platform, string shell, string script)
    {
        var hook = Map(Map(Map(Root, "hooks"), "postprovision"), platform);

        Assert.Equal(shell, Text(hook, "shell"));
        Assert.Equal(script, Text(hook, "run"));
        Assert.Equal("false", Text(hook, "continueOnError"));
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, script)), $"{script} is missing.");
    }

    [Fact]
    public void Workflows_Up_ProvisionsThenDeploysEverything()
    {
        var steps = (YamlSequenceNode)Map(Map(Root, "workflows"), "up").Children[new YamlScalarNode("steps")];

        Assert.Equal(["provision", "deploy --all"], steps.Children.Select(step => Text((YamlMappingNode)step, "azd")));
    }

    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepoPaths.Root, "azure.yaml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlMappingNode map
            ? map
            : throw new Xunit.Sdk.XunitException($"azure.yaml has no mapping '{key}' under {node.Start}.");

    private static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? ((YamlScalarNode)child).Value : null;
}
