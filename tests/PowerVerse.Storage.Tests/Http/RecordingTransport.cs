using Azure.Core;
using Azure.Core.Pipeline;

namespace PowerVerse.Storage.Tests.Http;

/// <summary>
/// Records what the pipeline would send and answers with a fixed status. Used only where no real service can
/// answer (Microsoft Entra ID and Azure endpoints are not reachable from here), or to inject transient faults.
/// </summary>
internal sealed class RecordingTransport(params int[] statuses) : HttpPipelineTransport
{
    public List<(string Uri, string? Authorization, string? Version, string? Date)> Requests { get; } = [];

    public override Request CreateRequest() => new HttpClientTransport().CreateRequest();

    public override void Process(HttpMessage message) => Record(message);

    public override ValueTask ProcessAsync(HttpMessage message)
    {
        Record(message);
        return ValueTask.CompletedTask;
    }

    private void Record(HttpMessage message)
    {
        var request = message.Request;
        Requests.Add((
            request.Uri.ToString(),
            request.Headers.TryGetValue("Authorization", out var auth) ? auth : null,
            request.Headers.TryGetValue("x-ms-version", out var version) ? version : null,
            request.Headers.TryGetValue("x-ms-date", out var date) ? date : null));
        var status = statuses[Math.Min(Requests.Count - 1, statuses.Length - 1)];
        message.Response = new RecordedResponse(status, request.ClientRequestId);
    }
}
