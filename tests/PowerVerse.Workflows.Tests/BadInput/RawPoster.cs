using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace PowerVerse.Workflows.Tests.BadInput;

/// <summary>
/// Posts a bad write's bytes as they are (the client library would refuse to build most of them) and reads the answer
/// back as the spec describes it: status, media type, and the problem+json members.
/// </summary>
internal sealed class RawPoster(Uri apiUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<RawAnswer> PostAsync(BadWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using HttpContent content = write.Chunked ? new UnsizedContent(write.Body) : new ByteArrayContent(write.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        try
        {
            using var response = await _http.PostAsync(new Uri(_http.BaseAddress!, write.Route), content);
            var body = await response.Content.ReadAsStringAsync();
            return new RawAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response.Headers.Location?.OriginalString);
        }
        catch (HttpRequestException ex)
        {
            // A server that answers before reading a large body may close the connection under the client.
            return new RawAnswer(0, null, $"{ex.GetType().Name}: {ex.Message}", null);
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>A body without a known length: sent with <c>Transfer-Encoding: chunked</c>.</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

/// <summary>What came back for a raw post; <see cref="Status"/> 0 when the connection failed.</summary>
internal sealed record RawAnswer(int Status, string? MediaType, string Body, string? Location)
{
    public JsonElement? Json
    {
        get
        {
            try
            {
                using var document = JsonDocument.Parse(Body);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    public string? Member(string name) =>
        Json is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    public override string ToString() => $"{Status} {MediaType} {(Body.Length <= 800 ? Body : Body[..800] + "…")}";
}
