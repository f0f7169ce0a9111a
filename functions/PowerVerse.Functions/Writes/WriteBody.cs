using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Nethereum.Hex.HexConvertors.Extensions;
using PowerVerse.Chain.Forwarding;
using PowerVerse.Functions.Http.Api;
using PowerVerse.Functions.ReadModel;

namespace PowerVerse.Functions.Writes;

/// <summary>
/// A write's body (DESIGN §4): OpenZeppelin's ForwardRequestData as JSON — <c>from</c>, <c>to</c>, <c>value</c>,
/// <c>gas</c>, <c>deadline</c>, <c>data</c>, <c>signature</c> — read strictly: at most 64 KiB, every member present and
/// in its form, nothing else (a purchase may add <c>sshPublicKey</c> for the agent's grant).
/// </summary>
public static partial class WriteBody
{
    public const int MaxBytes = 64 * 1024;
    public const int MaxSshPublicKeyLength = 1024;
    private static readonly string[] Members = ["from", "to", "value", "gas", "deadline", "data", "signature"];

    public static async Task<(ForwardRequestData Request, string? SshPublicKey)> ReadAsync(HttpRequest request, bool allowsSshKey, CancellationToken cancellationToken)
    {
        return Parse(await BoundedBody.ReadAsync(request, MaxBytes, "A write's body", cancellationToken), allowsSshKey);
    }

    public static (ForwardRequestData Request, string? SshPublicKey) Parse(ReadOnlySpan<byte> utf8, bool allowsSshKey)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw Malformed($"The body is not JSON: {ex.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed("The body must be a JSON object, the signed ForwardRequestData.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in root.EnumerateObject())
        {
            var allowed = Members.Contains(member.Name) || (allowsSshKey && member.Name == "sshPublicKey");
            if (!allowed)
            {
                throw Malformed($"Unknown member '{ApiInput.Shown(member.Name)}'; a write is {{{string.Join(", ", Members)}}}{(allowsSshKey ? " and optionally sshPublicKey" : string.Empty)}.");
            }

            if (!seen.Add(member.Name))
            {
                throw Malformed($"Member '{member.Name}' is given more than once.");
            }
        }

        var data = new ForwardRequestData
        {
            From = Address(root, "from"),
            To = Address(root, "to"),
            Value = Number(root, "value", Keys.MaxUint256),
            Gas = Number(root, "gas", Keys.MaxUint256),
            Deadline = (ulong)Number(root, "deadline", (BigInteger.One << 48) - 1),
            Data = Hex(root, "data", maxBytes: MaxBytes),
            // Its length is the signature check's business (invalid-signature), not the body's.
            Signature = Hex(root, "signature", maxBytes: 1024),
        };
        if (!data.Value.IsZero)
        {
            throw Malformed("'value' must be 0: no PowerVerse action takes ether.");
        }

        return (data, SshKey(root));
    }

    private static string? SshKey(JsonElement root)
    {
        if (!root.TryGetProperty("sshPublicKey", out var key) || key.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = key.ValueKind == JsonValueKind.String ? key.GetString()! : throw Malformed("'sshPublicKey' must be a string.");
        return text.Length <= MaxSshPublicKeyLength && SshKeyForm().IsMatch(text)
            ? text
            : throw Malformed($"'sshPublicKey' must be one OpenSSH public key line ('ssh-ed25519 AAAA…'), at most {MaxSshPublicKeyLength} characters.");
    }

    private static JsonElement Member(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value : throw Malformed($"Member '{name}' is missing.");

    private static string Address(JsonElement root, string name)
    {
        var value = Member(root, name);
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return Addresses.IsValid(text) ? Addresses.Normalize(text!) : throw Malformed($"'{name}' must be an address, 0x and 40 hex digits.");
    }

    // uint256 does not fit a JSON number's usual double: decimal strings are the form; plain JSON integers are accepted.
    private static BigInteger Number(JsonElement root, string name, BigInteger max)
    {
        var value = Member(root, name);
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw Malformed($"'{name}' must be a decimal string."),
        };
        return Digits().IsMatch(text) && BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= max
            ? number
            : throw Malformed($"'{name}' must be a non-negative decimal integer of at most {max.ToString(CultureInfo.InvariantCulture).Length} digits, not '{ApiInput.Shown(text)}'.");
    }

    private static byte[] Hex(JsonElement root, string name, int maxBytes)
    {
        var value = Member(root, name);
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Malformed($"'{name}' must be a 0x hex string.");
        return HexBytes().IsMatch(text) && text.Length <= 2 + (2 * maxBytes)
            ? text.HexToByteArray()
            : throw Malformed($"'{name}' must be 0x and an even number of hex digits (at most {maxBytes} bytes).");
    }

    private static ApiProblemException Malformed(string detail) => new(Problems.MalformedRequest, detail);


    [GeneratedRegex("^[0-9]{1,78}$", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex("^0x([0-9a-fA-F]{2})*$", RegexOptions.CultureInvariant)]
    private static partial Regex HexBytes();

    [GeneratedRegex("^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|sk-ssh-ed25519@openssh.com) [A-Za-z0-9+/=]+( [\\x20-\\x7E]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SshKeyForm();
}
