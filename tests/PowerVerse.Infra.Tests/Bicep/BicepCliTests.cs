using PowerVerse.Infra.Tests.Support;

namespace PowerVerse.Infra.Tests.Bicep;

/// <summary><c>bicep build</c> and <c>bicep lint</c> of infra/main.bicep, with infra/bicepconfig.json's analyzers.</summary>
public sealed class BicepCliTests
{
    [Fact]
    public async Task Build_MainBicep_CompilesWithoutDiagnostics()
    {
        var template = await InfraFiles.CompiledAsync();

        Assert.Equal("https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#", template.Root.GetProperty("$schema").GetString());
    }

    [Fact]
    public async Task Lint_MainBicep_HasNoWarningsOrErrors()
    {
        var run = await BicepCli.RunAsync("lint", InfraFiles.MainBicep);

        Assert.True(run.ExitCode == 0 && run.Diagnostics.Count == 0, $"bicep lint exited {run.ExitCode}:\n{run.Output}");
    }

    [Fact]
    public async Task Lint_TemplateBreakingAConfiguredRule_IsReported()
    {
        // The lint test above means something only if the analyzers run at warning level or above here.
        var folder = Directory.CreateTempSubdirectory("pv-bicep-lint-");
        try
        {
            File.Copy(Path.Combine(Path.GetDirectoryName(InfraFiles.MainBicep)!, "bicepconfig.json"), Path.Combine(folder.FullName, "bicepconfig.json"));
            var file = Path.Combine(folder.FullName, "unused.bicep");
            await File.WriteAllTextAsync(file, "param unused string\n");

            var run = await BicepCli.RunAsync("lint", file);

            Assert.Contains(run.Diagnostics, d => d.Contains("no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Modules_AreLocalFiles()
    {
        var infra = Path.GetDirectoryName(InfraFiles.MainBicep)!;
        foreach (var file in Directory.EnumerateFiles(infra, "*.bicep", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("br/public:", File.ReadAllText(file), StringComparison.Ordinal);
            Assert.DoesNotContain("br:", File.ReadAllText(file), StringComparison.Ordinal);
        }
    }
}
