using System.Text.Json;
using PowerVerse.Testing;

namespace PowerVerse.Infra.Tests;

/// <summary>
/// The dashboard's staticwebapp.config.json (the Static Web App's routing and headers): client routes fall back to
/// index.html but the runtime's files do not, WebAssembly gets its type, and every response carries the security headers.
/// </summary>
public sealed class StaticWebAppConfigTests
{
    private static readonly string FilePath = Path.Combine(RepoPaths.Root, "dashboard", "staticwebapp.config.json");

    [Fact]
    public void NavigationFallback_RewritesToIndex_ExceptTheFrameworkAndFiles()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(FilePath));
        var fallback = config.RootElement.GetProperty("navigationFallback");

        Assert.Equal("/index.html", fallback.GetProperty("rewrite").GetString());
        var exclude = fallback.GetProperty("exclude").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains("/_framework/*", exclude);
        Assert.Contains(exclude, e => e.StartsWith("*.{", StringComparison.Ordinal) && e.Contains("wasm", StringComparison.Ordinal) && e.Contains("json", StringComparison.Ordinal));
        Assert.Equal("application/wasm", config.RootElement.GetProperty("mimeTypes").GetProperty(".wasm").GetString());
    }

    [Fact]
    public void GlobalHeaders_ContentSecurityPolicy_AllowsWasmAndOwnOriginOnly()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(FilePath));
        var headers = config.RootElement.GetProperty("globalHeaders");
        var csp = headers.GetProperty("Content-Security-Policy").GetString()!
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToList());

        Assert.Equal(["'self'"], csp["default-src"]);
        Assert.Equal(["'self'", "'wasm-unsafe-eval'"], csp["script-src"]);
        // The API's origin is known only at deployment: the azd hook adds it to connect-src (WebAppSettingsHookTests).
        Assert.Equal(["'self'"], csp["connect-src"]);
        Assert.Equal(["'none'"], csp["frame-ancestors"]);
        Assert.Equal("nosniff", headers.GetProperty("X-Content-Type-Options").GetString());
        Assert.False(string.IsNullOrEmpty(headers.GetProperty("Referrer-Policy").GetString()));
    }

    [Fact]
    public void SourceWwwroot_HoldsNoAppSettings()
    {
        // Whoever serves the dashboard serves its configuration (the azd hook writes it into the publish output).
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "dashboard", "PowerVerse.Dashboard", "wwwroot"), "appsettings*.json"));
    }
}
