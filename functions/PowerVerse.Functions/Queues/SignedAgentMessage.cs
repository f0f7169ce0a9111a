using System.Text.Json;
using System.Text.Json.Nodes;
using Nethereum.Signer;
using Nethereum.Util;
using PowerVerse.Domain.Json;

namespace PowerVerse.Functions.Queues;

/// <summary>
/// A message an agent signed (DESIGN §3: <c>signature</c> is EIP-191 over the RFC 8785 canonical JSON of the message
/// without it), read and checked: version 1, a type, and a signature by the agent the message names.
/// </summary>
public sealed record SignedAgentMessage(string Type, string Agent, JsonObject Body)
{
    public static SignedAgentMessage Read(string text)
    {
        JsonObject body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject ?? throw new MalformedAgentMessageException("An agent message is a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new MalformedAgentMessageException("An agent message is JSON.", ex);
        }

        if (body["version"] is not JsonValue version || !version.TryGetValue<int>(out var v) || v != 1)
        {
            throw new MalformedAgentMessageException("An agent message has \"version\": 1.");
        }

        var type = Text(body, "type");
        var agent = Text(body, "agent");
        var signature = Text(body, "signature");
        if (!AddressUtil.Current.IsValidEthereumAddressHexFormat(agent))
        {
            throw new MalformedAgentMessageException($"'{agent}' is not an agent address.");
        }

        string signer;
        try
        {
            signer = new EthereumMessageSigner().EncodeUTF8AndEcRecover(CanonicalJson.SerializeWithoutSignature(body), signature);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new MalformedAgentMessageException("The message's signature does not recover.", ex);
        }

        return signer.IsTheSameAddress(agent)
            ? new SignedAgentMessage(type, agent, body)
            : throw new MalformedAgentMessageException($"The message names agent {agent} but is signed by {signer}.");
    }

    public static string Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw new MalformedAgentMessageException($"'{name}' is missing or not a string.");
}
