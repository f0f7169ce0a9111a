using System.Text;
using System.Text.Json.Nodes;
using PowerVerse.Client.Writes;

namespace PowerVerse.Workflows.Tests.BadInput;

/// <summary>Bodies that are not a write's JSON (400 malformed-request) or are too large (413 request-too-large).</summary>
internal sealed partial class BadWriteGenerator
{
    private const string MalformedSlug = "malformed-request";

    // Values of the wrong JSON type for a string member and for a number member (a JSON integer is a number's form too).
    private static readonly string[] NotStrings = ["123", "true", "false", "null", "{}", "[]", "1.5"];
    private static readonly string[] NotNumbers = ["true", "null", "{}", "[]", "1.5", "-1", "1e3", "\"\""];
    private static readonly string[] BadDecimals =
        ["-1", "1.5", "1e3", " 5", "5 ", "0x10", "+5", "\uff11\uff12", "NaN", "12a", "115792089237316195423570985008687907853269984665640564039457584007913129639936"];

    private static readonly string[] NotJson = ["hello", "<write/>", "{from:1}", "{'from':'0x00'}", "{}{}", "{\"from\":", "\"", "]"];

    private BadWrite Malformed()
    {
        var route = AnyRoute();
        var body = Signed(route, ValidCall(route));
        var json = body.ToJsonString();
        var member = Pick(Members);
        var (variant, bytes) = Turn("malformed", 13) switch
        {
            0 => ("truncated", Encoding.UTF8.GetBytes(json[..random.Next(0, json.Length)])),
            1 => ($"{member} of a wrong type", With(body, member, JsonNode.Parse(Pick(member is "value" or "gas" or "deadline" ? NotNumbers : NotStrings)))),
            2 => ("root not an object", Encoding.UTF8.GetBytes(Pick(["[" + json + "]", "\"write\"", "42", "null", "true", "[]"]))),
            3 => ($"{member} in an array", With(body, member, new JsonArray(body[member]!.DeepClone()))),
            4 => ExtraMember(body, route),
            5 => ($"{member} twice", Encoding.UTF8.GetBytes(json[..^1] + $",\"{member}\":{body[member]!.ToJsonString()}}}")),
            6 => ($"{member} missing", Without(body, member)),
            7 => BadHex(body),
            8 => BadDecimal(body),
            9 => ("value not 0", With(body, "value", JsonNode.Parse(Pick(["\"1\"", "\"1000000000000000000\"", "7", "\"115792089237316195423570985008687907853269984665640564039457584007913129639935\""])))),
            10 => ("not JSON", random.Next(4) == 0 ? [0xff, 0xfe, 0x7b, 0x7d] : Encoding.UTF8.GetBytes(Pick(NotJson))),
            11 => route == WriteRoutes.Purchases ? BadSshKey(body) : ("empty body", []),
            _ => ("nested too deep", With(body, member, JsonNode.Parse("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":1}}}}}"))),
        };
        return new BadWrite("malformed-json", variant, route, bytes, 400, MalformedSlug);
    }

    private (string, byte[]) ExtraMember(JsonObject body, string route)
    {
        var name = route == WriteRoutes.Purchases ? Pick(["nonce", "chainId", "From", "extra", "signature ", "__proto__"]) : Pick(["nonce", "chainId", "From", "sshPublicKey", "extra"]);
        return ($"extra member '{name}'", With(body, name, name == "sshPublicKey" ? SshKey : "0x01"));
    }

    private (string, byte[]) BadHex(JsonObject body)
    {
        var member = Pick(["data", "signature", "from", "to"]);
        var text = body[member]!.GetValue<string>();
        return random.Next(6) switch
        {
            0 => ($"{member} odd hex digits", With(body, member, text + "0")),
            1 => ($"{member} not hex", With(body, member, text[..^2] + "zz")),
            2 => ($"{member} without 0x", With(body, member, text[2..])),
            3 => ($"{member} 0x twice", With(body, member, "0x" + text)),
            4 => ($"{member} with a space", With(body, member, text[..4] + " " + text[4..])),
            _ => member is "from" or "to"
                ? ($"{member} 19 bytes", With(body, member, text[..^2]))
                : ($"{member} 0x only and a digit", With(body, member, "0x1")),
        };
    }

    private (string, byte[]) BadDecimal(JsonObject body)
    {
        var member = Pick(["value", "gas", "deadline"]);
        var text = random.Next(5) == 0 && member == "deadline" ? "281474976710656" : Pick(BadDecimals);
        return ($"{member} '{text}'", With(body, member, text));
    }

    private (string, byte[]) BadSshKey(JsonObject body)
    {
        JsonNode key = random.Next(6) switch
        {
            0 => "not a key",
            1 => "ssh-ed25519",
            2 => "ssh-ed25519 AAAA" + new string('A', 1_100),
            3 => 42,
            4 => "ssh-ed25519 AAAAC3Nza pv@test\nssh-rsa AAAAB3Nza evil@elsewhere",
            _ => "ssh-dss AAAAB3NzaC1kc3M pv@test",
        };
        return ("bad sshPublicKey", With(body, "sshPublicKey", key));
    }

    private BadWrite Oversized()
    {
        var route = AnyRoute();
        var (signer, call) = ValidCall(route);
        var request = world.Forge.Sign(signer, Address(signer), world.Manifest[ContractOf(route)], call, world.NonceOf(signer));
        var chunked = random.Next(2) == 0;
        byte[] bytes;
        string variant;
        switch (Turn("oversized", 3))
        {
            case 0:
                request.Data = [.. request.Data, .. RandomBytes(random.Next(33 * 1024, 160 * 1024))];
                (variant, bytes) = ("long data", RequestForge.Utf8(RequestForge.Body(request)));
                break;
            case 1:
                var json = RequestForge.Body(request).ToJsonString();
                (variant, bytes) = ("64 KiB + 1 with whitespace", Encoding.UTF8.GetBytes(json + new string(' ', (64 * 1024) + 1 - json.Length)));
                break;
            default:
                (variant, bytes) = ("whitespace before the object", Encoding.UTF8.GetBytes(new string(' ', random.Next(65 * 1024, 300 * 1024)) + RequestForge.Body(request).ToJsonString()));
                break;
        }

        return new BadWrite("oversized-body", variant, route, bytes, 413, "request-too-large", Chunked: chunked);
    }

    private static byte[] With(JsonObject body, string member, JsonNode? value)
    {
        var copy = (JsonObject)body.DeepClone();
        copy[member] = value;
        return RequestForge.Utf8(copy);
    }

    private static byte[] Without(JsonObject body, string member)
    {
        var copy = (JsonObject)body.DeepClone();
        copy.Remove(member);
        return RequestForge.Utf8(copy);
    }
}
