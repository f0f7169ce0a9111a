using PowerVerse.Testing;

namespace PowerVerse.Packaging.Tests.Hooks;

/// <summary>
/// Runs azd's postprovision hook as azd runs it on a posix machine: <c>sh infra/hooks/postprovision.sh</c> from the
/// repository root, the azd environment's values as environment variables, Node 22 first on PATH.
/// </summary>
internal static class HookRun
{
    /// <param name="settings">The azd environment's values.</param>
    /// <param name="firstOnPath">A folder to put before Node on PATH (a fake <c>az</c>).</param>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> settings, string? firstOnPath = null)
    {
        var path = Path.GetDirectoryName(RepoPaths.Node) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = firstOnPath is null ? path : firstOnPath + Path.PathSeparator + path,
            // Whatever the machine running the tests has set: no vault, no deployer key, unless a test says so.
            ["AZURE_KEY_VAULT_NAME"] = string.Empty,
            ["AZURE_OPS_KEY_VAULT_NAME"] = string.Empty,
            ["PV_DEPLOYER_KEY"] = string.Empty,
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        await using var hook = ChildProcess.Start("sh", [Path.Combine("infra", "hooks", "postprovision.sh")], RepoPaths.Root, environment);
        var exit = await hook.WaitForExitAsync(TimeSpan.FromMinutes(5));
        return (exit, hook.Output);
    }
}
