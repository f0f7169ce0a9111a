using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace PowerVerse.LocalHost.Hosting.Dashboard;

/// <summary>
/// How a published Blazor WebAssembly folder is served, as a static web host does: the generated
/// <c>/appsettings.json</c>; a client route (a path without an extension) answers index.html; a file's precompressed
/// <c>.br</c>/<c>.gz</c> sibling is sent when the client accepts it, with the file's own Content-Type; fingerprinted
/// <c>_framework/</c> files are cached for a year, everything else is revalidated (<c>no-cache</c>). ASP.NET Core's
/// static files middleware sends the bytes (ETag, ranges, HEAD); this only picks which file.
/// </summary>
internal sealed class DashboardFiles(IFileProvider files, Func<string> appSettings)
{
    public const string Immutable = "public, max-age=31536000, immutable";

    private const string ServedPath = "pv.dashboard.path";
    private const string ServedEncoding = "pv.dashboard.encoding";
    private const string HasVariants = "pv.dashboard.variants";

    // Preferred first: Brotli is smaller; gzip for clients without it.
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    public void Use(IApplicationBuilder app)
    {
        app.Use(ChooseAsync);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = DashboardContentTypes.Provider,
            ServeUnknownFileTypes = true,
            OnPrepareResponse = PrepareResponse,
        });
    }

    private async Task ChooseAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            await next(context);
            return;
        }

        var path = request.Path.Value ?? "/";
        if (string.Equals(path, "/appsettings.json", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.CacheControl = "no-cache";
            await Results.Text(appSettings(), "application/json").ExecuteAsync(context);
            return;
        }

        if (files.GetFileInfo(path) is not { Exists: true, IsDirectory: false })
        {
            if (Path.HasExtension(path))
            {
                // A missing file: the static files middleware finds nothing either, and the app answers 404.
                await next(context);
                return;
            }

            path = "/index.html";
        }

        var accepted = request.GetTypedHeaders().AcceptEncoding
            .Where(e => e.Quality is not 0)
            .Select(e => e.Value.Value)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var variants = Encodings.Where(e => files.GetFileInfo(path + e.Suffix).Exists).ToList();
        var chosen = variants.FirstOrDefault(e => accepted.Contains(e.Encoding) || accepted.Contains("*"));
        context.Items[ServedPath] = path;
        context.Items[HasVariants] = variants.Count > 0;
        if (chosen.Encoding is not null)
        {
            context.Items[ServedEncoding] = chosen.Encoding;
            path += chosen.Suffix;
        }

        request.Path = path;
        await next(context);
    }

    private static void PrepareResponse(StaticFileResponseContext file)
    {
        var context = file.Context;
        var path = context.Items[ServedPath] as string ?? context.Request.Path.Value ?? "/";
        var headers = context.Response.Headers;
        headers.CacheControl = DashboardContentTypes.IsFingerprinted(path) ? Immutable : "no-cache";
        if (context.Items[ServedEncoding] is string encoding)
        {
            headers.ContentEncoding = encoding;
            context.Response.ContentType = DashboardContentTypes.Of(path);
        }

        if (context.Items[HasVariants] is true)
        {
            // The same URL has other bodies by Accept-Encoding (RFC 9110 §12.5.5): caches must key on it.
            headers.Vary = HeaderNames.AcceptEncoding;
        }
    }
}
