using System.Globalization;
using System.Numerics;
using System.Text.Json;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;
using PowerVerse.Ethereum.Rlp;
using PowerVerse.Ethereum.Signing;
using PowerVerse.Ethereum.Tests.Support;

namespace PowerVerse.Ethereum.Tests.Signing;

public sealed class TransactionTests
{
    public static TheoryData<int> Cases() => TestData.Indexes("transactions");

    [Fact]
    public void Sign_Eip155WorkedExample_MatchesTheEip()
    {
        // EIP-155, "Example": nonce 9, 20 gwei, 21000 gas, to 0x3535..., 1 ether, chain id 1, key 0x4646...
        var key = EthereumKey.Parse("0x4646464646464646464646464646464646464646464646464646464646464646");
        var tx = new Transaction
        {
            Type = TransactionType.Legacy,
            ChainId = 1,
            Nonce = 9,
            GasPrice = BigInteger.Parse("20000000000", CultureInfo.InvariantCulture),
            GasLimit = 21000,
            To = Address.Parse("0x3535353535353535353535353535353535353535"),
            Value = BigInteger.Pow(10, 18),
        };

        Assert.Equal("0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080", HexEncoding.ToHex(tx.SigningPayload()));
        Assert.Equal("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53", HexEncoding.ToHex(tx.SigningHash()));
        var signed = tx.Sign(key);
        Assert.Equal(37, (int)signed.V);
        Assert.Equal(
            "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
            signed.RawHex);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sign_FixedInputs_MatchesEthersBytes(int index)
    {
        var c = TestData.Expected.GetProperty("transactions")[index];
        var key = EthereumKey.Parse(c.GetProperty("privateKey").GetString()!);
        var tx = FromInput(c.GetProperty("input"));

        var signed = tx.Sign(key);

        Assert.Equal(c.GetProperty("unsignedSerialized").GetString(), HexEncoding.ToHex(tx.SigningPayload()));
        Assert.Equal(c.GetProperty("unsignedHash").GetString(), HexEncoding.ToHex(tx.SigningHash()));
        Assert.Equal(c.GetProperty("raw").GetString(), signed.RawHex);
        Assert.Equal(c.GetProperty("hash").GetString(), signed.HashHex);
        Assert.Equal(c.GetProperty("from").GetString(), signed.From.ToString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_EthersRaw_GivesFieldsAndSender(int index)
    {
        var c = TestData.Expected.GetProperty("transactions")[index];
        var expected = FromInput(c.GetProperty("input"));

        var decoded = TransactionDecoder.Decode(c.GetProperty("raw").GetString()!);

        Assert.Equal(c.GetProperty("from").GetString(), decoded.From.ToString());
        Assert.Equal(c.GetProperty("hash").GetString(), decoded.HashHex);
        Assert.Equal(expected.Nonce, decoded.Transaction.Nonce);
        Assert.Equal(expected.To, decoded.Transaction.To);
        Assert.Equal(expected.Value, decoded.Transaction.Value);
        Assert.Equal(expected.Data.ToArray(), decoded.Transaction.Data.ToArray());
        Assert.Equal(expected.ChainId, decoded.Transaction.ChainId);
        Assert.Equal(expected.AccessList.Count, decoded.Transaction.AccessList.Count);
    }

    [Fact]
    public void Decode_TruncatedRaw_ThrowsRlpException()
    {
        var raw = TestData.Expected.GetProperty("transactions")[2].GetProperty("raw").GetString()!;

        Assert.Throws<RlpException>(() => TransactionDecoder.Decode(raw[..^4]));
    }

    [Fact]
    public void Decode_UnknownType_ThrowsRlpException()
    {
        var ex = Assert.Throws<RlpException>(() => TransactionDecoder.Decode("0x05c0"));

        Assert.Contains("0x05", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_PriorityFeeAboveMaxFee_Throws()
    {
        var tx = new Transaction { ChainId = 1, MaxFeePerGas = 1, MaxPriorityFeePerGas = 2, GasLimit = 21000 };

        Assert.Throws<ArgumentOutOfRangeException>(() => tx.Sign(EthereumKey.Parse(TestData.PrivateKey(10))));
    }

    internal static Transaction FromInput(JsonElement input)
    {
        BigInteger Int(string name) => input.TryGetProperty(name, out var v)
            ? BigInteger.Parse(v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText(), CultureInfo.InvariantCulture)
            : BigInteger.Zero;
        var to = input.GetProperty("to");
        var accessList = input.TryGetProperty("accessList", out var list)
            ? list.EnumerateArray().Select(e => new AccessListEntry(
                Address.Parse(e.GetProperty("address").GetString()!),
                e.GetProperty("storageKeys").EnumerateArray().Select(k => HexEncoding.ToBytes(k.GetString()!)).ToArray())).ToArray()
            : [];
        return new Transaction
        {
            Type = Int("type") == 0 ? TransactionType.Legacy : TransactionType.Eip1559,
            ChainId = Int("chainId"),
            Nonce = Int("nonce"),
            GasPrice = Int("gasPrice"),
            MaxFeePerGas = Int("maxFeePerGas"),
            MaxPriorityFeePerGas = Int("maxPriorityFeePerGas"),
            GasLimit = Int("gasLimit"),
            To = to.ValueKind == JsonValueKind.Null ? null : Address.Parse(to.GetString()!),
            Value = Int("value"),
            Data = HexEncoding.ToBytes(input.GetProperty("data").GetString()!),
            AccessList = accessList,
        };
    }
}
