using System.IO.Compression;
using System.Text;
using PowerVerse.Testing;

namespace PowerVerse.LocalHost.Tests.Hosting;

/// <summary>
/// The test app in a real local host process serving a small dashboard folder of the shape Blazor's publish writes
/// (index.html, a fingerprinted <c>_framework/</c> file with its <c>.br</c> and <c>.gz</c>, a script that is not
/// fingerprinted), with one more CORS origin and a local chain's RPC for the generated appsettings.json.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string OtherOrigin = "http://127.0.0.1:5173";
    public const string LocalRpc = "http://127.0.0.1:8545";
    public const string Index = "<!DOCTYPE html><html lang=\"en\"><head><title>PowerVerse</title></head><body><h1>PowerVerse</h1></body></html>";

    private AzuriteServer? _storage;
    private LocalHostProcess? _host;

    public const string Secret = "not-for-the-browser";

    public string Folder { get; } = Directory.CreateTempSubdirectory("pv-dashboard-").FullName;

    /// <summary>A file beside the served folder, holding <see cref="Secret"/>: no request may reach it.</summary>
    public string OutsideFile => Folder + ".secret.txt";

    /// <summary>The fingerprinted module's bytes: a WebAssembly header and enough repetition to compress.</summary>
    public byte[] Wasm { get; } = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, .. Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("PowerVerse ", 200)))];

    public AzuriteServer Storage => _storage ?? throw new InvalidOperationException("Not started.");

    internal LocalHostProcess Host => _host ?? throw new InvalidOperationException("Not started.");

    /// <summary>The dashboard's address from the host's "Dashboard listening on:" line.</summary>
    public Uri Dashboard { get; private set; } = null!;

    public string DashboardOrigin => Dashboard.GetLeftPart(UriPartial.Authority);

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(Folder, "index.html"), Index);
        File.WriteAllText(OutsideFile, Secret);
        File.WriteAllText(Path.Combine(Folder, ".env"), Secret);
        Directory.CreateDirectory(Path.Combine(Folder, "_framework"));
        Directory.CreateDirectory(Path.Combine(Folder, "css"));
        File.WriteAllText(Path.Combine(Folder, "css", "app.css"), "h1 { color: #123456; }");
        Write("_framework/app.abc123.wasm", Wasm);
        Write("_framework/app.abc123.wasm.br", Compress(Wasm, s => new BrotliStream(s, CompressionLevel.SmallestSize)));
        Write("_framework/app.abc123.wasm.gz", Compress(Wasm, s => new GZipStream(s, CompressionLevel.SmallestSize)));
        var script = Encoding.UTF8.GetBytes("export const started = true;");
        Write("_framework/blazor.webassembly.js", script);
        Write("_framework/blazor.webassembly.js.gz", Compress(script, s => new GZipStream(s, CompressionLevel.SmallestSize)));

        _storage = await AzuriteServer.StartAsync();
        _host = await StartAsync(_storage, Folder, new Dictionary<string, string>
        {
            ["LocalHost__DashboardLocalRpc"] = LocalRpc,
            ["LocalHost__CorsOrigins"] = $" {OtherOrigin}/ , http://127.0.0.1:5174",
        });
        Dashboard = await DashboardUrlAsync(_host);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
        File.Delete(OutsideFile);
    }

    /// <summary>A local host serving <paramref name="folder"/> on a loopback port the OS picks.</summary>
    internal static Task<LocalHostProcess> StartAsync(AzuriteServer storage, string folder, Dictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["LocalHost__DashboardPath"] = folder,
        };
        all.TryAdd("LocalHost__DashboardUrls", "http://127.0.0.1:0");
        return LocalHostProcess.StartAsync(storage, settings: all);
    }

    internal static async Task<Uri> DashboardUrlAsync(LocalHostProcess host)
    {
        var line = await host.WaitForLineAsync(ListeningLine.Dashboard, TimeSpan.FromSeconds(30));
        return ListeningLine.Url(line, ListeningLine.Dashboard);
    }

    private void Write(string relative, byte[] bytes) => File.WriteAllBytes(Path.Combine(Folder, relative), bytes);

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(bytes);
        }

        return output.ToArray();
    }
}
