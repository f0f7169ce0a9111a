using System.Diagnostics;
using PowerVerse.Testing;

namespace PowerVerse.GpuAgent.Tests.Publish;

/// <summary>
/// The agent's distribution (issue 12): the self-contained single-file linux-x64 publish builds without a warning and
/// the one file it leaves runs on its own — no <c>dotnet</c> on PATH, no DOTNET_ROOT, an empty environment.
/// </summary>
public sealed class SingleFilePublishTests
{
    [Fact]
    public async Task Publish_SelfContainedSingleFile_RunsWithoutDotnet()
    {
        var work = Directory.CreateTempSubdirectory("gpu-agent-publish-").FullName;
        try
        {
            var output = Path.Combine(work, "out");
            var project = Path.Combine(RepoPaths.Root, "gpu-agent", "PowerVerse.GpuAgent", "PowerVerse.GpuAgent.csproj");

            // Its own artifacts folder: the publish must not touch the build output other tests run from.
            await using var publish = ChildProcess.Start(Dotnet(),
                ["publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "-p:PublishSingleFile=true", "-o", output, "--artifacts-path", Path.Combine(work, "artifacts"), "-nologo"]);
            Assert.Equal(0, await publish.WaitForExitAsync(TimeSpan.FromMinutes(5)));
            Assert.DoesNotContain("warning", publish.Output, StringComparison.OrdinalIgnoreCase);
            // One program file: no assemblies, native libraries or runtime configuration beside it (symbols may be).
            Assert.Equal(["gpu-agent"], Directory.GetFiles(output).Select(f => Path.GetFileName(f)!).Where(f => !f.EndsWith(".pdb", StringComparison.Ordinal)).ToArray());

            var keystore = Path.Combine(work, "keystore.json");
            var info = new ProcessStartInfo(Path.Combine(output, "gpu-agent")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in (string[])["init", "--keystore", keystore, "--passphrase", "single file", "--scrypt-n", "1024"])
            {
                info.ArgumentList.Add(argument);
            }

            // Nothing of the machine's .NET: an empty environment, a PATH with nothing on it, a DOTNET_ROOT that does not exist.
            info.Environment.Clear();
            info.Environment["PATH"] = Directory.CreateDirectory(Path.Combine(work, "empty-path")).FullName;
            info.Environment["DOTNET_ROOT"] = Path.Combine(work, "no-dotnet");
            info.Environment["HOME"] = work;
            using var init = Process.Start(info)!;
            var printed = init.StandardOutput.ReadToEndAsync();
            var errors = init.StandardError.ReadToEndAsync();
            await init.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            Assert.True(init.ExitCode == 0, $"exit {init.ExitCode}: {await printed}{await errors}");
            Assert.Matches("agent address: +0x[0-9a-fA-F]{40}", await printed);
            Assert.True(File.Exists(keystore));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // The muxer running these tests, else the one the SDK names, else whatever "dotnet" is on PATH.
    private static string Dotnet() =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
