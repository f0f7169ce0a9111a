using System.IO.Compression;
using System.Net;
using System.Text.Json;

namespace PowerVerse.LocalHost.Tests.Hosting;

/// <summary>The dashboard folder served by the real local host process beside its API, and the API's CORS for it.</summary>
public sealed class DashboardServingTests(DashboardFixture dashboard) : IClassFixture<DashboardFixture>, IDisposable
{
    private const string Immutable = "public, max-age=31536000, immutable";
    private const string Wasm = "_framework/app.abc123.wasm";

    // No automatic decompression: the tests read Content-Encoding and the bytes as sent.
    private readonly HttpClient _http = new(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });

    public void Dispose() => _http.Dispose();

    [Theory]
    [InlineData("br, gzip", "br")]
    [InlineData("gzip, deflate, br;q=0", "gzip")]
    [InlineData("*", "br")]
    [InlineData("identity", null)]
    [InlineData(null, null)]
    public async Task FingerprintedFramework_ByAcceptEncoding_PrecompressedWasmCachedForAYear(string? accept, string? expected)
    {
        using var response = await GetAsync(Wasm, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/wasm", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected is null ? [] : [expected], response.Content.Headers.ContentEncoding);
        Assert.Equal(["Accept-Encoding"], response.Headers.Vary);
        Assert.Equal(Immutable, response.Headers.CacheControl?.ToString());
        Assert.Equal(dashboard.Wasm, Decode(await response.Content.ReadAsByteArrayAsync(), expected));
    }

    [Fact]
    public async Task FrameworkNotFingerprinted_GzipOnly_NoCacheJavaScript()
    {
        using var response = await GetAsync("_framework/blazor.webassembly.js", "br, gzip");

        Assert.Equal(("text/javascript", "gzip"), (response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentEncoding.Single()));
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("index.html")]
    [InlineData("market/usage-rights")]
    [InlineData("hardware/12")]
    public async Task IndexAndClientRoutes_IndexHtmlRevalidated(string path)
    {
        using var response = await GetAsync(path, "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Empty(response.Headers.Vary);
        Assert.Equal(DashboardFixture.Index, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("favicon.ico")]
    [InlineData("_framework/missing.abc123.wasm")]
    [InlineData("css/missing.css")]
    public async Task MissingFileWithExtension_NotFound(string path)
    {
        using var response = await GetAsync(path, "br");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/../{0}")]
    [InlineData("/%2e%2e/{0}")]
    [InlineData("/..%2F{0}")]
    [InlineData("/css/..%2F..%2F{0}")]
    [InlineData("/.env")]
    [InlineData("/%2Eenv")]
    public async Task PathOutsideTheFolderOrDotFile_NeverServed(string template)
    {
        // Sent as raw bytes: HttpClient would resolve the dot segments itself before the host saw them.
        var target = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Path.GetFileName(dashboard.OutsideFile));
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(dashboard.Dashboard.Host, dashboard.Dashboard.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {dashboard.Dashboard.Authority}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream);
        var response = await reader.ReadToEndAsync();

        Assert.DoesNotContain(DashboardFixture.Secret, response, StringComparison.Ordinal);
        Assert.Matches("^HTTP/1.1 (400|404) ", response);
    }

    [Fact]
    public async Task Css_Served_AsCssRevalidated()
    {
        using var response = await GetAsync("css/app.css", null);

        Assert.Equal(("text/css", "no-cache"), (response.Content.Headers.ContentType?.MediaType, response.Headers.CacheControl?.ToString()));
    }

    [Fact]
    public async Task AppSettings_Generated_ThisHostsApiAndTheLocalChain()
    {
        using var response = await GetAsync("appsettings.json", "br");

        Assert.Equal(("application/json", "no-cache"), (response.Content.Headers.ContentType?.MediaType, response.Headers.CacheControl?.ToString()));
        var settings = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(new Uri(dashboard.Host.Url, "api").ToString(), settings.GetProperty("Api").GetString());
        Assert.Equal(DashboardFixture.LocalRpc, settings.GetProperty("LocalChain").GetProperty("RpcUrl").GetString());
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(dashboard.Dashboard, path));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await _http.SendAsync(request);
    }

    private static byte[] Decode(byte[] body, string? encoding)
    {
        using var input = new MemoryStream(body);
        using Stream stream = encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => input,
        };
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }
}
