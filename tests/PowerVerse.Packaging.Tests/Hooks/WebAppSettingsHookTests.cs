using PowerVerse.Testing;

namespace PowerVerse.Packaging.Tests.Hooks;

/// <summary>
/// The web service's prepackage hook: infra/hooks/web-appsettings.mjs writes the dashboard's appsettings.json into a
/// publish output's wwwroot from AZURE_FUNCTION_URI, and refuses a missing or unusable URI before anything is written
/// (web-prepackage.sh runs that check before it publishes).
/// </summary>
public sealed class WebAppSettingsHookTests : IDisposable
{
    private readonly string _wwwroot = Directory.CreateTempSubdirectory("pv-web-").FullName;

    private const string ImportMap = "{\"imports\":{\"./_framework/dotnet.js\":\"./_framework/dotnet.abc123.js\"}}";

    public WebAppSettingsHookTests()
    {
        // What dotnet publish leaves: the page and the runtime's folder (and, from an old source file, compressed copies).
        File.WriteAllText(Path.Combine(_wwwroot, "index.html"), $"<!DOCTYPE html><script type=\"importmap\">{ImportMap}</script><script src=\"_framework/blazor.webassembly.js\"></script>");
        Directory.CreateDirectory(Path.Combine(_wwwroot, "_framework"));
        File.WriteAllText(Path.Combine(_wwwroot, "appsettings.json.br"), "stale");
    }

    [Theory]
    [InlineData("https://func-api-abc.azurewebsites.net/api", "https://func-api-abc.azurewebsites.net/api")]
    [InlineData("https://func-api-abc.azurewebsites.net/api/", "https://func-api-abc.azurewebsites.net/api")]
    [InlineData("https://func-api-abc.azurewebsites.net", "https://func-api-abc.azurewebsites.net/api")]
    [InlineData("http://127.0.0.1:7071/api", "http://127.0.0.1:7071/api")]
    public async Task Write_FunctionUri_WritesExactlyTheApiIntoThePublishOutput(string uri, string api)
    {
        var (exit, output) = await RunAsync(uri, _wwwroot);

        Assert.True(exit == 0, output);
        Assert.Equal($"{{\"Api\":\"{api}\"}}\n", await File.ReadAllTextAsync(Path.Combine(_wwwroot, "appsettings.json")));
        Assert.False(File.Exists(Path.Combine(_wwwroot, "appsettings.json.br")));
        Assert.Equal(["_framework"], Directory.GetDirectories(_wwwroot).Select(Path.GetFileName));
        // The site's configuration comes from dashboard/ (outside the project, where the SWA CLI would find a second
        // copy), and the inline import map publish writes is allowed by its hash, and nothing else inline.
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ImportMap)));
        using var config = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_wwwroot, "staticwebapp.config.json")));
        var csp = config.RootElement.GetProperty("globalHeaders").GetProperty("Content-Security-Policy").GetString()!;
        Assert.Contains($"script-src 'self' 'wasm-unsafe-eval' 'sha256-{hash}';", csp, StringComparison.Ordinal);
        // The page may call its own origin and the API's, nothing else.
        Assert.Contains($"connect-src 'self' {new Uri(api).GetLeftPart(UriPartial.Authority)};", csp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "AZURE_FUNCTION_URI is not set")]
    [InlineData("func-api-abc.azurewebsites.net/api", "is not an absolute URL")]
    [InlineData("http://func-api-abc.azurewebsites.net/api", "must use https")]
    [InlineData("https://func-api-abc.azurewebsites.net/api/markets", "must be the function app's address")]
    [InlineData("https://func-api-abc.azurewebsites.net/api?code=SECRETCODE", "must not carry credentials, a query or a fragment")]
    public async Task Write_MissingOrUnusableUri_FailsNamingItAndWritesNothing(string uri, string message)
    {
        var (exit, output) = await RunAsync(uri, _wwwroot);

        Assert.Equal(1, exit);
        Assert.Contains("[web] AZURE_FUNCTION_URI", output, StringComparison.Ordinal);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETCODE", output, StringComparison.Ordinal);
        Assert.DoesNotContain("    at ", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_wwwroot, "appsettings.json")));
    }

    [Fact]
    public async Task Write_SourceWwwrootOrAnUnpublishedFolder_IsRefused()
    {
        var source = Path.Combine(RepoPaths.Root, "dashboard", "PowerVerse.Dashboard", "wwwroot");
        var (sourceExit, sourceOutput) = await RunAsync("https://func-api-abc.azurewebsites.net/api", source);
        Directory.Delete(Path.Combine(_wwwroot, "_framework"));
        var (emptyExit, emptyOutput) = await RunAsync("https://func-api-abc.azurewebsites.net/api", _wwwroot);

        Assert.Equal(1, sourceExit);
        Assert.Contains("is the dashboard's source wwwroot", sourceOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(source, "appsettings.json")));
        Assert.Equal(1, emptyExit);
        Assert.Contains("is not a published dashboard", emptyOutput, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_wwwroot, "appsettings.json")));
    }

    [Fact]
    public async Task Prepackage_WithoutFunctionUri_FailsBeforePublishing()
    {
        var path = Path.GetDirectoryName(RepoPaths.Node) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        var publish = Path.Combine(RepoPaths.Root, "dashboard", "PowerVerse.Dashboard", "bin", "swa");
        var existed = Directory.Exists(publish);
        await using var hook = ChildProcess.Start("sh", [Path.Combine("infra", "hooks", "web-prepackage.sh")], RepoPaths.Root,
            new Dictionary<string, string> { ["PATH"] = path, ["AZURE_FUNCTION_URI"] = string.Empty });

        var exit = await hook.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, exit);
        Assert.Contains("[web] AZURE_FUNCTION_URI is not set", hook.Output, StringComparison.Ordinal);
        Assert.Equal(existed, Directory.Exists(publish));
    }

    public void Dispose() => Directory.Delete(_wwwroot, recursive: true);

    /// <param name="uri">AZURE_FUNCTION_URI; empty reads as not set, as it does for azd.</param>
    /// <param name="wwwroot">The folder to write into.</param>
    private static async Task<(int ExitCode, string Output)> RunAsync(string uri, string wwwroot)
    {
        var environment = new Dictionary<string, string> { ["AZURE_FUNCTION_URI"] = uri };
        await using var hook = ChildProcess.Start(RepoPaths.Node, [Path.Combine("infra", "hooks", "web-appsettings.mjs"), wwwroot], RepoPaths.Root, environment);
        return (await hook.WaitForExitAsync(TimeSpan.FromMinutes(1)), hook.Output);
    }
}
