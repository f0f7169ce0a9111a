using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nethereum.Util;

namespace PowerVerse.Functions.Queues;

/// <summary>
/// A <c>result</c> on <c>proof-results</c> (DESIGN §3), read strictly: <c>"version": 1</c>, <c>type "result"</c>,
/// <c>challengeId</c> and <c>vid</c> decimal strings, <c>agent</c> an address, <c>nonces</c> 0x and 8 bytes each,
/// <c>startedAt</c>/<c>finishedAt</c> unix seconds, <c>hashes</c>, <c>backend</c> <c>cuda</c> or <c>cpu</c>,
/// <c>device</c>, <c>signature</c> 0x and 65 bytes; unknown fields are ignored. Anything else is malformed (poison).
/// Whether the result is any good is the proof workflow's question, not this one's.
/// </summary>
public sealed partial record ProofResultMessage(
    string ChallengeId, string Vid, string Agent, IReadOnlyList<ulong> Nonces, ulong StartedAt, ulong FinishedAt, ulong Hashes,
    string Backend, string Device, string Signature)
{
    /// <summary>More nonces than any proof parameters ask for (shares is a uint16).</summary>
    public const int MaxNonces = ushort.MaxValue;

    /// <exception cref="MalformedAgentMessageException">The text is not a result message of DESIGN §3.</exception>
    public static ProofResultMessage Read(string text)
    {
        JsonObject body;
        try
        {
            body = JsonNode.Parse(text ?? string.Empty) as JsonObject ?? throw new MalformedAgentMessageException("A result is a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new MalformedAgentMessageException("A result is JSON.", ex);
        }

        if (body["version"] is not JsonValue version || !version.TryGetValue<int>(out var v) || v != 1)
        {
            throw new MalformedAgentMessageException("A result has \"version\": 1.");
        }

        if (SignedAgentMessage.Text(body, "type") != "result")
        {
            throw new MalformedAgentMessageException("The proof-results queue takes messages of type \"result\".");
        }

        var agent = SignedAgentMessage.Text(body, "agent");
        if (!AddressUtil.Current.IsValidEthereumAddressHexFormat(agent))
        {
            throw new MalformedAgentMessageException($"'agent' {agent} is not an address.");
        }

        var backend = SignedAgentMessage.Text(body, "backend");
        var signature = SignedAgentMessage.Text(body, "signature");
        return backend is not ("cuda" or "cpu")
            ? throw new MalformedAgentMessageException($"'backend' is cuda or cpu, not '{backend}'.")
            : !SignatureForm().IsMatch(signature)
            ? throw new MalformedAgentMessageException("'signature' is 0x and 65 bytes of hex.")
            : new ProofResultMessage(
                Decimal(body, "challengeId"), Decimal(body, "vid"), agent, ReadNonces(body), Unsigned(body, "startedAt"), Unsigned(body, "finishedAt"),
                Unsigned(body, "hashes"), backend, SignedAgentMessage.Text(body, "device"), signature);
    }

    private static string Decimal(JsonObject body, string name)
    {
        var text = SignedAgentMessage.Text(body, name);
        return DecimalForm().IsMatch(text) && BigInteger.Parse(text, CultureInfo.InvariantCulture).GetBitLength() <= 256
            ? BigInteger.Parse(text, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
            : throw new MalformedAgentMessageException($"'{name}' is a decimal uint256 string, not '{text}'.");
    }

    private static ulong Unsigned(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<ulong>(out var number)
            ? number
            : throw new MalformedAgentMessageException($"'{name}' is a non-negative integer.");

    private static List<ulong> ReadNonces(JsonObject body)
    {
        if (body["nonces"] is not JsonArray array || array.Count > MaxNonces)
        {
            throw new MalformedAgentMessageException($"'nonces' is an array of at most {MaxNonces} nonces.");
        }

        return array.Select(n => n is JsonValue value && value.TryGetValue<string>(out var text) && NonceForm().IsMatch(text)
            ? ulong.Parse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : throw new MalformedAgentMessageException("Each nonce is 0x and 8 bytes of hex (16 digits).")).ToList();
    }

    [GeneratedRegex("^(0|[1-9][0-9]{0,77})$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalForm();

    [GeneratedRegex("^0x[0-9a-fA-F]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex NonceForm();

    [GeneratedRegex("^0x[0-9a-fA-F]{130}$", RegexOptions.CultureInvariant)]
    private static partial Regex SignatureForm();
}
