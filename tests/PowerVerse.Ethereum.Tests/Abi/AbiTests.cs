using System.Numerics;
using PowerVerse.Ethereum.Abi;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;
using PowerVerse.Ethereum.Tests.Support;

namespace PowerVerse.Ethereum.Tests.Abi;

public sealed class AbiTests
{
    public static TheoryData<int> Cases() => TestData.Indexes("abi");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encode_FixedValues_MatchesEthers(int index)
    {
        var c = TestData.Expected.GetProperty("abi")[index];
        var types = c.GetProperty("types").EnumerateArray().Select(t => t.GetString()!).ToArray();
        var values = (List<object?>)TestData.ToClr(c.GetProperty("values"))!;

        var encoded = AbiEncoder.Encode(types, values);

        Assert.Equal(c.GetProperty("encoded").GetString(), HexEncoding.ToHex(encoded));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_EthersEncoding_ReEncodesToSameBytes(int index)
    {
        var c = TestData.Expected.GetProperty("abi")[index];
        var types = c.GetProperty("types").EnumerateArray().Select(t => t.GetString()!).ToArray();
        var expected = c.GetProperty("encoded").GetString()!;

        var decoded = AbiEncoder.Decode(types, HexEncoding.ToBytes(expected));

        Assert.Equal(expected, HexEncoding.ToHex(AbiEncoder.Encode(types, decoded)));
    }

    [Fact]
    public void Decode_KnownValues_GiveClrTypes()
    {
        var c = TestData.Expected.GetProperty("abi")[1];

        var decoded = AbiEncoder.Decode(["address", "bool", "bool", "bytes1", "bytes32"], HexEncoding.ToBytes(c.GetProperty("encoded").GetString()!));

        Assert.Equal(Address.Parse(TestData.Expected.GetProperty("accounts")[10].GetProperty("address").GetString()!), decoded[0]);
        Assert.Equal(true, decoded[1]);
        Assert.Equal(new byte[] { 1 }, decoded[3]);
    }

    [Theory]
    [InlineData("uint8", "256")]
    [InlineData("uint256", "-1")]
    [InlineData("int8", "128")]
    [InlineData("int8", "-129")]
    [InlineData("uint48", "281474976710656")]
    public void Encode_OutOfRangeInteger_ThrowsAbiEncodingExceptionWithRange(string type, string value)
    {
        var ex = Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode([type], [value]));

        Assert.Contains("out of range for " + type, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bytes32", "0x1234", "exactly 32 bytes")]
    [InlineData("address", "0x1234", "40 hex digits")]
    [InlineData("bytes", "0xabc", "odd number")]
    [InlineData("bool", "yes", "not a bool")]
    [InlineData("uint256[2]", "x", "not a list")]
    [InlineData("uint257", "1", "not a valid ABI type")]
    public void Encode_WrongValue_ThrowsAbiEncodingExceptionSayingWhy(string type, string value, string why)
    {
        var ex = Assert.Throws<AbiEncodingException>(() => AbiEncoder.Encode([type], [value]));

        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TruncatedOrBadOffsets_ThrowsAbiDecodingException()
    {
        var encoded = AbiEncoder.Encode(["bytes"], [new byte[40]]);

        Assert.Throws<AbiDecodingException>(() => AbiEncoder.Decode(["bytes"], encoded.AsSpan(0, 70)));
        encoded[31] = 0xff;
        Assert.Throws<AbiDecodingException>(() => AbiEncoder.Decode(["bytes"], encoded));
        Assert.Throws<AbiDecodingException>(() => AbiEncoder.Decode(["uint8"], AbiEncoder.Encode(["uint256"], [300])));
        Assert.Throws<AbiDecodingException>(() => AbiEncoder.Decode(["uint256[]"], AbiEncoder.Encode(["uint256"], [32]).Concat(AbiEncoder.Encode(["uint256"], [BigInteger.Pow(2, 40)])).ToArray()));
    }

    [Fact]
    public void Functions_EncodeCall_MatchesEthersCalldata()
    {
        foreach (var c in TestData.Expected.GetProperty("functions").EnumerateArray())
        {
            var function = AbiFunction.Parse(c.GetProperty("signature").GetString()!);
            var args = (List<object?>)TestData.ToClr(c.GetProperty("args"))!;

            Assert.Equal(c.GetProperty("selector").GetString(), HexEncoding.ToHex(function.Selector.Span));
            Assert.Equal(c.GetProperty("calldata").GetString(), HexEncoding.ToHex(function.EncodeCall(args)));
        }
    }

    [Fact]
    public void Events_DecodeEthersLogs_GivesValuesAndTopicHashes()
    {
        var abi = ContractAbi.Parse("""
            [{"type":"event","name":"Transfer","inputs":[{"name":"from","type":"address","indexed":true},{"name":"to","type":"address","indexed":true},{"name":"value","type":"uint256","indexed":false}]},
             {"type":"event","name":"Noted","inputs":[{"name":"topic","type":"string","indexed":true},{"name":"blob","type":"bytes","indexed":true},{"name":"id","type":"uint256","indexed":true},{"name":"text","type":"string","indexed":false}]}]
            """);
        var logs = TestData.Expected.GetProperty("events");
        var transfer = logs[0];
        var noted = logs[1];

        var t = abi.TryDecodeLog(Topics(transfer), HexEncoding.ToBytes(transfer.GetProperty("data").GetString()!));
        var n = abi.TryDecodeLog(Topics(noted), HexEncoding.ToBytes(noted.GetProperty("data").GetString()!));

        Assert.Equal(transfer.GetProperty("topic0").GetString(), abi.GetEvent("Transfer").Topic0Hex);
        Assert.NotNull(t);
        Assert.Equal(new BigInteger(5), t["value"]);
        Assert.Equal(TestData.Expected.GetProperty("accounts")[11].GetProperty("address").GetString(), t["to"]!.ToString());
        Assert.NotNull(n);
        Assert.Equal("\"hello\"", AbiFormat.Format(n["text"]));
        Assert.Equal(new BigInteger(9), n["id"]);
        Assert.Equal(Keccak256.Hash("gpu"), n["topic"]);
        Assert.Equal(HexEncoding.ToHex(AbiEvent.EncodeTopic(AbiType.Utf8String, "gpu")), noted.GetProperty("topics")[1].GetString());
    }

    [Fact]
    public void Errors_DecodeEthersRevertData_ReadsAsNameAndArguments()
    {
        var abi = ContractAbi.Parse("""
            [{"type":"error","name":"ComputeMarketListingNotActive","inputs":[{"name":"uid","type":"uint256"}]},
             {"type":"error","name":"InsufficientBalance","inputs":[{"name":"account","type":"address"},{"name":"needed","type":"uint256"},{"name":"why","type":"string"}]}]
            """);

        foreach (var c in TestData.Expected.GetProperty("errors").EnumerateArray())
        {
            var decoded = abi.TryDecodeError(HexEncoding.ToBytes(c.GetProperty("data").GetString()!));

            Assert.NotNull(decoded);
            Assert.Equal(c.GetProperty("text").GetString(), decoded.ToString());
            Assert.Equal(c.GetProperty("selector").GetString(), HexEncoding.ToHex(decoded.Error.Selector.Span));
        }
    }

    [Fact]
    public void TryDecodeError_UnknownSelector_IsNull()
    {
        Assert.Null(ContractAbi.Parse("[]").TryDecodeError([1, 2, 3, 4, 5]));
    }

    private static List<byte[]> Topics(System.Text.Json.JsonElement log) =>
        log.GetProperty("topics").EnumerateArray().Select(t => HexEncoding.ToBytes(t.GetString()!)).ToList();
}
