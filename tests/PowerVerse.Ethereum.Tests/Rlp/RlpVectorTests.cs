using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using PowerVerse.Ethereum.Hex;
using PowerVerse.Ethereum.Rlp;
using PowerVerse.Ethereum.Tests.Support;

namespace PowerVerse.Ethereum.Tests.Rlp;

/// <summary>ethereum/tests RLPTests: rlptest.json (encode and decode exactly) and invalidRLPTest.json (all refused).</summary>
public sealed class RlpVectorTests
{
    public static TheoryData<string> Valid() => new(Names("ethereum-tests/rlptest.json"));

    public static TheoryData<string> Invalid() => new(Names("ethereum-tests/invalidRLPTest.json"));

    [Theory]
    [MemberData(nameof(Valid))]
    public void Encode_ValidVector_MatchesOut(string name)
    {
        var (input, expected) = Vector("ethereum-tests/rlptest.json", name);

        var encoded = RlpEncoder.Encode(ToItem(input));

        Assert.Equal(expected, HexEncoding.ToHex(encoded));
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Decode_ValidVector_GivesInputBack(string name)
    {
        var (input, expected) = Vector("ethereum-tests/rlptest.json", name);

        var decoded = RlpDecoder.Decode(HexEncoding.ToBytes(expected));

        AssertSame(ToItem(input), decoded);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Decode_InvalidVector_Throws(string name)
    {
        var (_, bytes) = Vector("ethereum-tests/invalidRLPTest.json", name);

        Assert.Throws<RlpException>(() => RlpDecoder.Decode(HexEncoding.ToBytes(bytes)));
    }

    private static string[] Names(string file)
    {
        using var doc = TestData.Load(file);
        return doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
    }

    private static (JsonElement In, string Out) Vector(string file, string name)
    {
        using var doc = TestData.Load(file);
        var v = doc.RootElement.GetProperty(name);
        var output = v.GetProperty("out").GetString()!;
        return (v.GetProperty("in").Clone(), (output.StartsWith("0x", StringComparison.Ordinal) ? output : "0x" + output).ToLowerInvariant());
    }

    private static RlpItem ToItem(JsonElement input) => input.ValueKind switch
    {
        JsonValueKind.Array => RlpItem.FromList(input.EnumerateArray().Select(ToItem)),
        JsonValueKind.Number => RlpItem.FromInteger(BigInteger.Parse(input.GetRawText(), CultureInfo.InvariantCulture)),
        JsonValueKind.String when input.GetString()!.StartsWith('#') => RlpItem.FromInteger(BigInteger.Parse(input.GetString()![1..], CultureInfo.InvariantCulture)),
        JsonValueKind.String when input.GetString()!.StartsWith("0x", StringComparison.Ordinal) => RlpItem.FromBytes(HexEncoding.ToBytes(input.GetString()!)),
        JsonValueKind.String => RlpItem.FromBytes(Encoding.Latin1.GetBytes(input.GetString()!)),
        _ => throw new InvalidOperationException($"Unexpected RLP test input {input}"),
    };

    private static void AssertSame(RlpItem expected, RlpItem actual)
    {
        Assert.Equal(expected.IsList, actual.IsList);
        if (!expected.IsList)
        {
            Assert.Equal(expected.Bytes.ToArray(), actual.Bytes.ToArray());
            return;
        }

        Assert.Equal(expected.Items.Count, actual.Items.Count);
        for (var i = 0; i < expected.Items.Count; i++)
        {
            AssertSame(expected.Items[i], actual.Items[i]);
        }
    }
}
