using System.Text.Json;
using PowerVerse.Testing;

namespace PowerVerse.Infra.Tests.Support;

/// <summary>The deployment definition under test: infra/main.bicep compiled once per test run, and its neighbours.</summary>
internal static class InfraFiles
{
    private static readonly Lazy<Task<ArmTemplate>> CompiledLazy = new(CompileAsync);

    public static string MainBicep => Path.Combine(RepoPaths.Root, "infra", "main.bicep");

    /// <summary>infra/main.bicep as ARM JSON, built by <c>bicep build</c> (which fails the run on any diagnostic).</summary>
    public static Task<ArmTemplate> CompiledAsync() => CompiledLazy.Value;

    public static JsonDocument ReadJson(params string[] relative) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine([RepoPaths.Root, .. relative])),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

    private static async Task<ArmTemplate> CompileAsync()
    {
        var folder = Directory.CreateTempSubdirectory("pv-bicep-");
        try
        {
            var output = Path.Combine(folder.FullName, "main.json");
            var run = await BicepCli.RunAsync("build", MainBicep, "--outfile", output);
            if (run.ExitCode != 0 || run.Diagnostics.Count > 0)
            {
                throw new InvalidOperationException($"bicep build exited {run.ExitCode}:\n{run.Output}");
            }

            return new ArmTemplate(JsonDocument.Parse(await File.ReadAllTextAsync(output)).RootElement.Clone());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
