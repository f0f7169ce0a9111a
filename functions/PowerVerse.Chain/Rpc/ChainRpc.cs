using Microsoft.Extensions.Http.Resilience;
using Nethereum.JsonRpc.Client;
using Polly;

namespace PowerVerse.Chain.Rpc;

/// <summary>
/// Nethereum's JSON-RPC client over an HTTP pipeline that retries transport faults: connection refused or reset,
/// a per-attempt timeout, HTTP 408/429/5xx. A JSON-RPC error is the node's answer (HTTP 200 with an <c>error</c>
/// member) and is never retried; it reaches the caller as Nethereum's <see cref="RpcResponseException"/> with the
/// node's payload in <c>RpcError.Data</c>. Retrying a send is safe: a node answers a known raw transaction
/// with "already known", and the transaction sender treats that as sent.
/// </summary>
public static class ChainRpc
{
    public static IClient CreateClient(Uri url, ChainRpcOptions? options = null, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        options ??= new ChainRpcOptions();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
        var handler = new ResilienceHandler(pipeline) { InnerHandler = transport ?? new SocketsHttpHandler() };
        var http = new HttpClient(handler) { BaseAddress = url, Timeout = Timeout.InfiniteTimeSpan };
        return new RpcClient(url, http);
    }

    /// <summary>
    /// True for a failure of the transport (no answer from the node after the retries), as opposed to an answer:
    /// whether a request that failed so reached the node is unknown.
    /// </summary>
    public static bool IsTransportFault(Exception exception) =>
        exception is RpcClientUnknownException or RpcClientTimeoutException;
}
