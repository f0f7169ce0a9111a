using System.Text.Json;
using System.Text.Json.Nodes;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.Queues;
using PowerVerse.Functions.ReadModel;

namespace PowerVerse.Functions.AgentAccess;

/// <summary>
/// The body of <c>POST /api/agents/sas</c> (DESIGN §3): <c>{agent, expires, signature}</c>, <c>expires</c> an ISO 8601
/// UTC time with <c>Z</c>, <c>signature</c> EIP-191 over the RFC 8785 canonical JSON of the body without it — the rule
/// of the agent's signed messages. Read strictly: at most <see cref="MaxBytes"/>, those three members and nothing else.
/// </summary>
public sealed record AgentSasRequest(string Agent, DateTimeOffset Expires)
{
    public const int MaxBytes = 4 * 1024;
    private static readonly string[] Members = ["agent", "expires", "signature"];

    /// <summary>The request, its signature checked against the agent it names.</summary>
    /// <exception cref="ApiProblemException">malformed-request (400) or invalid-authorization (401).</exception>
    public static AgentSasRequest Read(ReadOnlySpan<byte> utf8)
    {
        JsonObject body;
        try
        {
            // A member given twice would be read one way here and maybe another by whoever signed it: refused.
            var options = new JsonDocumentOptions { MaxDepth = 2, AllowDuplicateProperties = false };
            body = JsonNode.Parse(utf8, documentOptions: options) as JsonObject ?? throw Malformed("The body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw Malformed($"The body is not JSON: {ex.Message}");
        }

        if (body.Select(m => m.Key).FirstOrDefault(name => !Members.Contains(name)) is { } unknown)
        {
            throw Malformed($"Unknown member '{ApiInput.Shown(unknown)}'; the body is {{agent, expires, signature}}.");
        }

        var agent = Text(body, "agent");
        var expiresText = Text(body, "expires");
        var signature = Text(body, "signature");
        if (!Addresses.IsValid(agent))
        {
            throw Malformed($"'agent' must be 0x and 40 hex digits, not '{ApiInput.Shown(agent)}'.");
        }

        var expires = ApiInput.Time(expiresText, "expires", Problems.MalformedRequest);

        string signer;
        try
        {
            signer = SignedAgentMessage.Signer(body, signature);
        }
        catch (MalformedAgentMessageException ex)
        {
            throw new ApiProblemException(Problems.InvalidAuthorization, ex.Message);
        }

        return Addresses.Normalize(signer) == Addresses.Normalize(agent)
            ? new AgentSasRequest(Addresses.Normalize(agent), expires)
            : throw new ApiProblemException(Problems.InvalidAuthorization, $"The request names agent {agent} but is signed by {signer}.");
    }

    private static string Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw Malformed($"'{name}' is missing or not a string.");

    private static ApiProblemException Malformed(string detail) => new(Problems.MalformedRequest, detail);
}
