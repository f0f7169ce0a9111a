using System.Text.Json;
using System.Text.Json.Nodes;
using Nethereum.Signer;
using Nethereum.Util;
using PowerVerse.Chain.Signing;
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

        var signer = Signer(body, signature);
        return signer.IsTheSameAddress(agent)
            ? new SignedAgentMessage(type, agent, body)
            : throw new MalformedAgentMessageException($"The message names agent {agent} but is signed by {signer}.");
    }

    /// <summary>
    /// The address that signed <paramref name="body"/>: EIP-191 personal_sign recovery over the canonical JSON of the
    /// body without its <c>signature</c> (also the rule of <c>POST /api/agents/sas</c>).
    /// </summary>
    /// <exception cref="MalformedAgentMessageException">The signature does not recover to an address.</exception>
    public static string Signer(JsonObject body, string signature)
    {
        // EIP-191 personal_sign: keccak256("\x19Ethereum Signed Message:\n" + length + message), recovered as
        // OpenZeppelin's ECDSA.recover would (65 bytes, v 27/28, low s): any other signature is refused the same way.
        var digest = new EthereumMessageSigner().HashPrefixedMessage(System.Text.Encoding.UTF8.GetBytes(CanonicalJson.SerializeWithoutSignature(body)));
        try
        {
            var bytes = signature is { Length: 132 } && signature.StartsWith("0x", StringComparison.Ordinal)
                ? Convert.FromHexString(signature.AsSpan(2))
                : throw new FormatException("it must be 0x and 130 hex digits (r ‖ s ‖ v).");
            return EcdsaRecovery.Recover(digest, bytes);
        }
        catch (FormatException ex)
        {
            throw new MalformedAgentMessageException($"The message's signature does not recover: {ex.Message}", ex);
        }
    }

    public static string Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw new MalformedAgentMessageException($"'{name}' is missing or not a string.");
}
