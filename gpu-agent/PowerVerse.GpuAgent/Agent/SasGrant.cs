using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using PowerVerse.GpuAgent.Messages;
using PowerVerse.GpuAgent.Signing;
using PowerVerse.Domain.Json;

namespace PowerVerse.GpuAgent.Agent;

/// <summary>
/// One <c>POST {api}/agents/sas</c> (DESIGN §3): the agent signs <c>{agent, expires}</c> — EIP-191 over its RFC 8785
/// canonical JSON, as its other signed messages — and gets one service SAS URL per queue, valid until <c>expires</c>.
/// </summary>
internal static class SasGrant
{
    /// <summary>The queues the answer opens, and until when.</summary>
    public static async Task<(AgentQueues Queues, DateTimeOffset Expires)> RequestAsync(
        HttpClient http, Uri api, AgentSigner signer, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        var body = signer.SignJson(new JsonObject { ["agent"] = signer.Address, ["expires"] = IsoUtc.Format(expires) });
        using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(api, "agents/sas"), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SasRefusedException((int)response.StatusCode, Problem(text));
        }

        var answer = JsonNode.Parse(text) as JsonObject ?? throw new SasRefusedException((int)response.StatusCode, "the answer is not a JSON object");
        var granted = answer["expires"]?.GetValue<string>() is { } at && IsoUtc.TryParse(at, out var time) ? time : expires;
        return (new AgentQueues(Client(answer, "queue"), Client(answer, "results"), Client(answer, "events"), Client(answer, "poison"), MayCreate: false), granted);
    }

    /// <summary>
    /// The API base with a trailing slash, so that <c>agents/sas</c> resolves under it (<c>…/api</c> → <c>…/api/agents/sas</c>).
    /// Only https, or http to a loopback host (the local stack): the answer carries bearer SAS URLs for the agent's queues.
    /// </summary>
    /// <exception cref="AgentConfigurationException">Not an absolute URL, or plain http to another host.</exception>
    public static Uri Base(string api)
    {
        ArgumentNullException.ThrowIfNull(api);
        if (!Uri.TryCreate(api.EndsWith('/') ? api : api + "/", UriKind.Absolute, out var uri))
        {
            throw new AgentConfigurationException($"--api '{api}' is not an absolute URL (e.g. https://<app>.azurewebsites.net/api).");
        }

        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
            ? uri
            : throw new AgentConfigurationException($"--api '{api}' must use https (plain http only to a loopback host): the platform answers with the agent's queue credentials.");
    }

    private static QueueClient Client(JsonObject answer, string name) =>
        answer[name]?.GetValue<string>() is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? new QueueClient(uri, AgentQueues.ClientOptions)
            : throw new SasRefusedException(200, $"the answer has no '{name}' URL");

    // The problem's type and detail, for the log; the body itself if it is not problem+json.
    private static string Problem(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonObject problem
                ? $"type={problem["type"]?.GetValue<string>()} detail=\"{problem["detail"]?.GetValue<string>()}\""
                : text;
        }
        catch (System.Text.Json.JsonException)
        {
            return text.Length > 200 ? text[..200] : text;
        }
    }
}
