using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;

namespace PowerVerse.LocalHost.Hosting.Dashboard;

/// <summary>The Content-Types of a Blazor WebAssembly site's files, and which of its files are fingerprinted.</summary>
internal static partial class DashboardContentTypes
{
    public static FileExtensionContentTypeProvider Provider { get; } = Create();

    /// <summary>The Content-Type of <paramref name="path"/>'s own bytes (not of a compressed sibling).</summary>
    public static string Of(string path) => Provider.TryGetContentType(path, out var type) ? type : "application/octet-stream";

    /// <summary>
    /// Whether a path is one of the <c>_framework/</c> files Blazor's publish names after their content
    /// (<c>dotnet.native.8oa5t6w9ja.wasm</c>): a new build has new names, so each name's bytes never change.
    /// </summary>
    public static bool IsFingerprinted(string path) => path.StartsWith("/_framework/", StringComparison.Ordinal) && Fingerprinted().IsMatch(path);

    // The segment before the extension is the fingerprint: lowercase letters and digits, at least 6, with a digit or
    // .NET's 10 characters; "dotnet.native.wasm" or "blazor.webassembly.js" are not fingerprinted and are revalidated.
    [GeneratedRegex(@"/[^/]+\.(?:(?=[a-z]*[0-9])[a-z0-9]{6,}|[a-z0-9]{10})\.[^./]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Fingerprinted();

    private static FileExtensionContentTypeProvider Create()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".wasm"] = "application/wasm";
        provider.Mappings[".js"] = "text/javascript";
        provider.Mappings[".mjs"] = "text/javascript";
        provider.Mappings[".json"] = "application/json";
        provider.Mappings[".webmanifest"] = "application/manifest+json";
        // Asked for by name, a compressed sibling is what it is.
        provider.Mappings[".br"] = "application/x-brotli";
        provider.Mappings[".gz"] = "application/gzip";
        foreach (var binary in new[] { ".dat", ".dll", ".pdb", ".blat", ".webcil" })
        {
            provider.Mappings[binary] = "application/octet-stream";
        }

        return provider;
    }
}
