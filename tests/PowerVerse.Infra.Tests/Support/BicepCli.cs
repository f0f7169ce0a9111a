using System.Diagnostics;
using System.Reflection;
using PowerVerse.Testing;

namespace PowerVerse.Infra.Tests.Support;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (DESIGN §6), restored with this project;
/// the build passes its path in as the assembly metadata <c>BicepPath</c>.
/// </summary>
internal static class BicepCli
{
    public static string Path { get; } = Locate();

    /// <summary>Runs <c>bicep ARGS</c> in the repository root and returns its exit code and everything it printed.</summary>
    public static async Task<BicepRun> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"'{Path}' did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new BicepRun(process.ExitCode, await stdout + await stderr);
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPath")?.Value;
        if (path is null || !File.Exists(path))
        {
            throw new FileNotFoundException($"The Bicep CLI is not at '{path}': restore tests/PowerVerse.Infra.Tests (NuGet package Azure.Bicep.CommandLine.linux-x64).", path);
        }

        // NuGet extracts without the execute bit on some systems.
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) is var mode && !mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        }

        return path;
    }
}

/// <summary>One run of the Bicep CLI.</summary>
internal sealed record BicepRun(int ExitCode, string Output)
{
    /// <summary>Diagnostics at warning or error level, as the CLI prints them (<c>FILE(LINE,COL) : Warning RULE: …</c>).</summary>
    public IReadOnlyList<string> Diagnostics => Output.Split('\n')
        .Where(line => line.Contains(" : Warning ", StringComparison.Ordinal) || line.Contains(" : Error ", StringComparison.Ordinal))
        .ToList();
}
