using System.Text.Json.Nodes;
using Nethereum.Signer;
using PowerVerse.Domain.Json;

namespace PowerVerse.Client.Api;

/// <summary>
/// The body of <c>POST /api/agents/sas</c> (DESIGN §3): <c>{agent, expires, signature}</c>, the signature the agent's
/// EIP-191 personal_sign over the RFC 8785 canonical JSON of <c>{agent, expires}</c>.
/// </summary>
public static class AgentSasRequest
{
    /// <summary>ISO 8601 UTC with Z, to the second (DESIGN §3).</summary>
    public static string Time(DateTimeOffset time) => IsoUtc.Format(time);

    /// <summary>The signed body for <paramref name="agent"/>'s SAS until <paramref name="expires"/>.</summary>
    public static JsonObject Sign(EthECKey agent, DateTimeOffset expires)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var body = new JsonObject { ["agent"] = agent.GetPublicAddress(), ["expires"] = Time(expires) };
        body[CanonicalJson.SignatureMember] = new EthereumMessageSigner().EncodeUTF8AndSign(CanonicalJson.SerializeWithoutSignature(body), agent);
        return body;
    }
}
