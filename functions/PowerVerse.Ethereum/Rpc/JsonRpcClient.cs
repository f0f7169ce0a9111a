using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PowerVerse.Ethereum.Rpc;

/// <summary>
/// JSON-RPC 2.0 over HTTP POST. Retries only transport faults (connection failures, timeouts, empty or
/// cut-off bodies, 502/503/504, 429); a JSON-RPC error is the node's answer and is thrown as <see cref="RpcException"/>.
/// </summary>
public sealed class JsonRpcClient
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly JsonRpcClientOptions _options;
    private readonly TimeProvider _time;
    private long _nextId;

    public JsonRpcClient(HttpClient http, Uri url, JsonRpcClientOptions? options = null, TimeProvider? time = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _url = url ?? throw new ArgumentNullException(nameof(url));
        _options = options ?? new JsonRpcClientOptions();
        _time = time ?? TimeProvider.System;
    }

    public Uri Url => _url;

    /// <summary>Calls <paramref name="method"/> and returns its "result" (a clone, safe to keep).</summary>
    /// <exception cref="RpcException">The node answered with an error object.</exception>
    /// <exception cref="RpcTransportException">No answer after the retries.</exception>
    public async Task<JsonElement> SendAsync(string method, IReadOnlyList<JsonNode?> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _nextId),
            ["method"] = method,
            ["params"] = new JsonArray(parameters.Select(p => p?.DeepClone()).ToArray()),
        };
        var body = Encoding.UTF8.GetBytes(request.ToJsonString());
        var delay = _options.RetryDelay;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var document = await PostAsync(body, cancellationToken);
                return Result(method, document.RootElement);
            }
            catch (TransportFault fault) when (attempt < _options.MaxRetries)
            {
                _ = fault;
                await Task.Delay(delay, _time, cancellationToken);
                delay *= 2;
            }
            catch (TransportFault fault)
            {
                throw new RpcTransportException($"{method} to {_url} failed after {attempt + 1} attempts: {fault.Message}", fault.InnerException ?? fault);
            }
        }
    }

    private async Task<JsonDocument> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = JsonType;
            using var response = await _http.PostAsync(_url, content, linked.Token);
            if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.TooManyRequests)
            {
                throw new TransportFault($"HTTP {(int)response.StatusCode}", null);
            }

            var stream = await response.Content.ReadAsStreamAsync(linked.Token);
            return await JsonDocument.ParseAsync(stream, default, linked.Token);
        }
        catch (HttpRequestException ex)
        {
            throw new TransportFault(ex.Message, ex);
        }
        catch (IOException ex)
        {
            throw new TransportFault(ex.Message, ex);
        }
        catch (JsonException ex)
        {
            // An empty or cut-off body: the answer was lost on the way, like a dropped connection.
            throw new TransportFault($"malformed answer ({ex.Message})", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransportFault($"no answer within {_options.Timeout}", ex);
        }
    }

    private static JsonElement Result(string method, JsonElement root)
    {
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : 0;
            var message = error.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
            JsonElement? data = error.TryGetProperty("data", out var d) ? d.Clone() : null;
            throw new RpcException(method, code, message, data);
        }

        if (!root.TryGetProperty("result", out var result))
        {
            throw new RpcException(method, 0, "answer has neither 'result' nor 'error'", root.Clone());
        }

        return result.Clone();
    }

    /// <summary>Internal marker for what may be retried.</summary>
    private sealed class TransportFault(string message, Exception? inner) : Exception(message, inner);
}
