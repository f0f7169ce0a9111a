using System.Text;
using System.Text.Json.Nodes;
using PowerVerse.Domain.Json;
using PowerVerse.Domain.Tests.Support;

namespace PowerVerse.Domain.Tests.Json;

/// <summary>Our canonical JSON against an independent RFC 8785 implementation (the npm package canonicalize).</summary>
public sealed class JcsReferenceTests
{
    [JcsTheory]
    [InlineData("""{"user":"ops+gpü","host":"gpu-01.example","port":22}""")]
    [InlineData("""{"s":"\u0000\u0001\b\t\n\u000b\f\r\u001f\u007f \"\\/"}""")]
    [InlineData("""{"s":"\u2028\u2029 <script>&'"}""")]
    [InlineData("""{"s":"😀 \ud834\udd1e € 日本語","t":"\u00e9"}""")]
    [InlineData("""{"\u20ac":1,"\r":2,"\ufb33":3,"1":4,"\ud83d\ude00":5,"\u0080":6,"\u00f6":7,"b":{"z":[],"a":{},"\ufb33":null,"\ud83d\ude00":true}}""")]
    [InlineData("""{"n":[0,-0,1,-1,0.1,1e21,1e20,1e-7,0.000001,123.456e5,5e-324,1.7976931348623157e308,9007199254740991,-9007199254740992,333333333.3333333,4.50,2e-3,1E+2]}""")]
    [InlineData("""[{"b":false,"a":true},null,"x",[[]],{"":""}]""")]
    [InlineData("""{"signature":"0x00","a":{"signature":1}}""")]
    public async Task Serialize_TrickyValues_EqualsCanonicalize(string json)
    {
        var reference = await JcsReference.Shared;

        var ours = CanonicalJson.Serialize(JsonNode.Parse(json));
        var theirs = await reference.CanonicalizeAsync(json);

        Assert.Equal(Encoding.UTF8.GetString(theirs), ours);
        Assert.Equal(theirs, Encoding.UTF8.GetBytes(ours));
    }
}
