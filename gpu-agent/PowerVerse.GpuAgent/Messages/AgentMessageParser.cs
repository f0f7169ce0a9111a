using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Nethereum.Hex.HexConvertors.Extensions;
using PowerVerse.GpuAgent.Signing;
using PowerVerse.Domain.Json;

namespace PowerVerse.GpuAgent.Messages;

/// <summary>
/// Reads the agent-queue messages of DESIGN §3: JSON, <c>"version": 1</c>, unknown fields ignored; anything
/// else (bad JSON, another version or type, a missing or ill-typed field) is a <see cref="MalformedMessageException"/>.
/// </summary>
internal static class AgentMessageParser
{
    public static IAgentMessage Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedMessageException("the message is not a JSON object");
            }

            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetRawText() != "1")
            {
                throw new MalformedMessageException("'version' must be 1");
            }

            return String(root, "type") switch
            {
                "challenge" => Challenge(root),
                "grant" => Grant(root),
                var other => throw new MalformedMessageException($"unknown type '{other}'"),
            };
        }
        catch (JsonException e)
        {
            throw new MalformedMessageException($"not JSON: {e.Message}", e);
        }
    }

    private static ChallengeMessage Challenge(JsonElement root)
    {
        if (String(root, "kind") != "keccak-shares")
        {
            throw new MalformedMessageException($"unsupported challenge kind '{String(root, "kind")}'");
        }

        var seed = Hex(root, "seed");
        if (seed.Length != 32)
        {
            throw new MalformedMessageException("'seed' must be 32 bytes");
        }

        var difficulty = Int(root, "difficulty", 0, 256);
        var shares = Int(root, "shares", 1, 1_000_000);
        var agent = root.TryGetProperty("agent", out _) ? AddressOf(root, "agent") : null;
        return new ChallengeMessage(Decimal(root, "challengeId"), Decimal(root, "vid"), seed, difficulty, shares,
            Time(root, "issuedAt"), Time(root, "deadline"), ChainId(root), AddressOf(root, "proofContract"), agent);
    }

    private static GrantMessage Grant(JsonElement root)
    {
        string? ssh = root.TryGetProperty("sshPublicKey", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null;
        return new GrantMessage(Decimal(root, "uid"), Decimal(root, "vid"), AddressOf(root, "user"), Time(root, "expires"), ssh);
    }

    private static JsonElement Field(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : throw new MalformedMessageException($"'{name}' is missing");

    private static string String(JsonElement root, string name)
    {
        var value = Field(root, name);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new MalformedMessageException($"'{name}' must be a string");
    }

    /// <summary>uint256 ids travel as decimal strings (DESIGN §3) so that no JSON reader rounds them.</summary>
    private static BigInteger Decimal(JsonElement root, string name)
    {
        var text = String(root, name);
        return text.Length is > 0 and <= 78 && text.All(char.IsAsciiDigit) && BigInteger.Parse(text, CultureInfo.InvariantCulture) is var value && value.GetBitLength() <= 256
            ? value
            : throw new MalformedMessageException($"'{name}' must be a decimal uint256 string");
    }

    private static BigInteger ChainId(JsonElement root)
    {
        var value = Field(root, "chainId");
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var id) && id > 0 ? id : Decimal(root, "chainId");
    }

    private static int Int(JsonElement root, string name, int min, int max)
    {
        var value = Field(root, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max
            ? n
            : throw new MalformedMessageException($"'{name}' must be an integer from {min} to {max}");
    }

    private static byte[] Hex(JsonElement root, string name)
    {
        var text = String(root, name);
        return text.StartsWith("0x", StringComparison.Ordinal) && text.Length % 2 == 0 && text[2..].IsHex()
            ? text.HexToByteArray()
            : throw new MalformedMessageException($"'{name}' must be 0x and an even number of hex digits");
    }

    private static string AddressOf(JsonElement root, string name) =>
        AgentAddress.TryNormalize(String(root, name), out var address) ? address : throw new MalformedMessageException($"'{name}' is not an address");

    /// <summary>DESIGN §3: times are ISO 8601 UTC with 'Z' only; unix seconds, offsets or any other form are malformed.</summary>
    private static DateTimeOffset Time(JsonElement root, string name)
    {
        var value = Field(root, name);
        return value.ValueKind == JsonValueKind.String && IsoUtc.TryParse(value.GetString()!, out var time)
            ? time
            : throw new MalformedMessageException($"'{name}' must be an ISO 8601 UTC time ending in Z, such as 2026-11-29T01:00:00Z");
    }
}
