using System.Text.Json.Nodes;
using PowerVerse.Testing;

namespace PowerVerse.Packaging.Tests.Publishing;

/// <summary>
/// The local host shares the third-party assemblies it has with the package it serves: a package whose deps.json
/// names another major/minor version of one of them is refused at start-up, naming it, rather than run on the host's copy.
/// </summary>
[Collection(PackagedAppGroup.Name)]
public sealed class PublishedAppVersionTests(PackagedApp app) : IDisposable
{
    private const string Doctored = "Azure.Data.Tables";

    private readonly string _copy = Directory.CreateTempSubdirectory("pv-doctored-").FullName;

    [Fact]
    public async Task PublishedApp_DepsJsonNamesAnotherVersionOfASharedAssembly_StartUpFailsNamingIt()
    {
        // The package's own files the loader reads before anything runs, with deps.json claiming Azure.Data.Tables 99.
        foreach (var file in new[] { "PowerVerse.Functions.dll", "host.json" })
        {
            File.Copy(Path.Combine(app.Package, file), Path.Combine(_copy, file));
        }

        var deps = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(app.Package, "PowerVerse.Functions.deps.json")))!;
        var target = deps["runtimeTarget"]!["name"]!.GetValue<string>();
        var entry = deps["targets"]![target]!.AsObject()
            .Select(library => library.Value?["runtime"] as JsonObject)
            .OfType<JsonObject>()
            .SelectMany(runtime => runtime)
            .Single(file => file.Key.EndsWith($"/{Doctored}.dll", StringComparison.Ordinal));
        entry.Value!["assemblyVersion"] = "99.0.0.0";
        await File.WriteAllTextAsync(Path.Combine(_copy, "PowerVerse.Functions.deps.json"), deps.ToJsonString());

        var localHost = RepoPaths.BuildOutput(Path.Combine("functions", "PowerVerse.LocalHost"), "PowerVerse.LocalHost.dll");
        await using var host = ChildProcess.Start(Dotnet.Path, [localHost], RepoPaths.Root, new Dictionary<string, string>
        {
            ["LocalHost__AppPath"] = _copy,
            ["LocalHost__Urls"] = "http://127.0.0.1:0",
        });
        var exit = await host.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.NotEqual(0, exit);
        Assert.Contains($"{Doctored} 99.0.0.0 (the local host has ", host.Output, StringComparison.Ordinal);
        Assert.Contains("would silently run the host's copies", host.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);
}
