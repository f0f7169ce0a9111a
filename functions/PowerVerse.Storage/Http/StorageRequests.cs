using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PowerVerse.Storage.Http;

/// <summary>Sends a request and turns an error status into <see cref="RequestFailedException"/>, as the Azure SDK does.</summary>
internal static class StorageRequests
{
    public static readonly RequestMethod Merge = new("MERGE");

    /// <summary>Sends <paramref name="message"/>; statuses of 400 and above throw unless <paramref name="tolerate"/> accepts them.</summary>
    public static async Task<Response> ExecuteAsync(
        this HttpPipeline pipeline, HttpMessage message, CancellationToken cancellationToken, Func<Response, bool>? tolerate = null)
    {
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status >= 400 && !(tolerate?.Invoke(response) ?? false))
        {
            throw Failed(response);
        }

        return response;
    }

    public static RequestFailedException Failed(Response response) => new(response, null, StorageErrorParser.Instance);

    /// <summary>The service's error code of a failed response (header or body).</summary>
    public static string? ErrorCode(Response response) =>
        StorageErrorParser.Instance.TryParse(response, out var error, out _) ? error?.Code : null;

    public static HttpMessage CreateMessage(this HttpPipeline pipeline, RequestMethod method, Uri endpoint)
    {
        var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(endpoint);
        return message;
    }
}
