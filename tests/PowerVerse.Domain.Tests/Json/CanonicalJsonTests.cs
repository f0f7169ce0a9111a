using System.Text.Json.Nodes;
using PowerVerse.Domain.Json;

namespace PowerVerse.Domain.Tests.Json;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void SerializeWithoutSignature_NestedObject_SortsKeysDropsTopLevelSignatureAndWhitespace()
    {
        var json = (JsonObject)JsonNode.Parse("""{ "z": 1, "signature": "0xdead", "a": { "y": [ {"b":2, "a":1} ], "signature": "kept" } }""")!;

        Assert.Equal("""{"a":{"signature":"kept","y":[{"a":1,"b":2}]},"z":1}""", CanonicalJson.SerializeWithoutSignature(json));
        Assert.Equal("0xdead", (string?)json["signature"]);
    }

    [Fact]
    public void Serialize_ObjectWithSignature_KeepsEveryMember()
    {
        var json = JsonNode.Parse("""{ "z": 1, "signature": "0xdead" }""");

        Assert.Equal("""{"signature":"0xdead","z":1}""", CanonicalJson.Serialize(json));
    }

    [Theory]
    [InlineData("[1, \"a\", null, true]", "[1,\"a\",null,true]")]
    [InlineData("\"x\"", "\"x\"")]
    [InlineData("4.50", "4.5")]
    [InlineData("null", "null")]
    public void Serialize_NonObjectValue_IsItsCanonicalText(string json, string expected)
    {
        Assert.Equal(expected, CanonicalJson.Serialize(JsonNode.Parse(json)));
    }

    [Fact]
    public void SerializeToUtf8_NonAscii_IsTheUtf8OfTheText()
    {
        var json = new JsonObject { ["user"] = "ops+gpü" };

        Assert.Equal("{\"user\":\"ops+gpü\"}"u8.ToArray(), CanonicalJson.SerializeToUtf8(json));
    }

    // RFC 8785 §3.2.2.2: only '"', '\' and controls are escaped; non-ASCII, '+', '<', U+2028 and U+007F are written as they are.
    [Theory]
    [InlineData("ops+gpü", "\"ops+gpü\"")]
    [InlineData("<&'>", "\"<&'>\"")]
    [InlineData("\u2028\u2029\u007f", "\"\u2028\u2029\u007f\"")]
    [InlineData("\"\\/", "\"\\\"\\\\/\"")]
    [InlineData("\b\t\n\f\r", "\"\\b\\t\\n\\f\\r\"")]
    [InlineData("\u0000\u0001\u000b\u001f", "\"\\u0000\\u0001\\u000b\\u001f\"")]
    [InlineData("😀", "\"😀\"")]
    public void Serialize_String_EscapesOnlyWhatJcsEscapes(string value, string expected)
    {
        Assert.Equal("{\"s\":" + expected + "}", CanonicalJson.Serialize(new JsonObject { ["s"] = value }));
    }

    [Fact]
    public void Serialize_LoneSurrogate_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => CanonicalJson.Serialize(new JsonObject { ["s"] = "a\ud800b" }));
    }

    // RFC 8785 §3.2.3's own example: keys sort by UTF-16 code units, so U+1F600 (D83D DE00) comes before U+FB33.
    [Fact]
    public void Serialize_Rfc8785SortingExample_SortsByUtf16CodeUnits()
    {
        var json = (JsonObject)JsonNode.Parse("""{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}""")!;

        var keys = JsonNode.Parse(CanonicalJson.Serialize(json))!.AsObject().Select(p => p.Key);

        Assert.Equal(["\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33"], keys);
    }

    [Fact]
    public void Serialize_IntegerBeyondTwoToThe53_IsRefusedRatherThanRounded()
    {
        Assert.Throws<ArgumentException>(() => CanonicalJson.Serialize(new JsonObject { ["n"] = 9007199254740993UL }));
        Assert.Equal("""{"n":9007199254740992}""", CanonicalJson.Serialize(new JsonObject { ["n"] = 9007199254740992UL }));
    }
}
