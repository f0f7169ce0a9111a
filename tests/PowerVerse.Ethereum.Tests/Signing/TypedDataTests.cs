using PowerVerse.Ethereum.Abi;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;
using PowerVerse.Ethereum.Signing;
using PowerVerse.Ethereum.Tests.Support;

namespace PowerVerse.Ethereum.Tests.Signing;

public sealed class TypedDataTests
{
    public static TheoryData<int> Cases() => TestData.Indexes("typed");

    [Fact]
    public void SigningHash_Eip712MailExample_MatchesTheEip()
    {
        var data = TypedDataJson.Parse(TestData.Expected.GetProperty("typed")[0].GetProperty("data").GetRawText());
        var cow = EthereumKey.Parse(HexEncoding.ToHex(Keccak256.Hash("cow")));

        var signature = TypedDataSigner.Sign(cow, data);

        // Values from EIP-712's reference example (assets/eip-712/Example.js).
        Assert.Equal("Mail(Person from,Person to,string contents)Person(string name,address wallet)", Eip712Encoder.EncodeType("Mail", data.Types));
        Assert.Equal("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f", HexEncoding.ToHex(Eip712Encoder.DomainSeparator(data)));
        Assert.Equal("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e", HexEncoding.ToHex(Eip712Encoder.HashStruct("Mail", data.Message, data.Types)));
        Assert.Equal("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2", HexEncoding.ToHex(Eip712Encoder.SigningHash(data)));
        Assert.Equal(28, signature.V);
        Assert.Equal("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d", HexEncoding.ToHex(signature.R.Span));
        Assert.Equal("0x07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562", HexEncoding.ToHex(signature.S.Span));
        Assert.Equal(Address.Parse("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"), cow.Address);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sign_FixedTypedData_MatchesEthers(int index)
    {
        var c = TestData.Expected.GetProperty("typed")[index];
        var data = TypedDataJson.Parse(c.GetProperty("data").GetRawText());
        var key = EthereumKey.Parse(c.GetProperty("privateKey").GetString()!);

        var signature = TypedDataSigner.Sign(key, data);

        Assert.Equal(c.GetProperty("encodedType").GetString(), Eip712Encoder.EncodeType(data.PrimaryType, data.Types));
        Assert.Equal(c.GetProperty("domainSeparator").GetString(), HexEncoding.ToHex(Eip712Encoder.DomainSeparator(data)));
        Assert.Equal(c.GetProperty("structHash").GetString(), HexEncoding.ToHex(Eip712Encoder.HashStruct(data.PrimaryType, data.Message, data.Types)));
        Assert.Equal(c.GetProperty("hash").GetString(), HexEncoding.ToHex(Eip712Encoder.SigningHash(data)));
        Assert.Equal(c.GetProperty("signature").GetString(), signature.ToHex());
        Assert.True(TypedDataSigner.Verify(data, signature, key.Address));
    }

    [Fact]
    public void Verify_SignatureOfOtherMessage_IsFalse()
    {
        var c = TestData.Expected.GetProperty("typed")[2];
        var data = TypedDataJson.Parse(c.GetProperty("data").GetRawText());
        var key = EthereumKey.Parse(c.GetProperty("privateKey").GetString()!);
        var changed = data with { Message = new Dictionary<string, object?>(data.Message) { ["vid"] = "8" } };

        Assert.False(TypedDataSigner.Verify(changed, TypedDataSigner.Sign(key, data), key.Address));
    }

    [Fact]
    public void HashStruct_ValueOutOfRange_ThrowsAbiEncodingExceptionNamingTheField()
    {
        var c = TestData.Expected.GetProperty("typed")[2];
        var data = TypedDataJson.Parse(c.GetProperty("data").GetRawText());
        var bad = data with { Message = new Dictionary<string, object?>(data.Message) { ["startedAt"] = "18446744073709551616" } };

        var ex = Assert.Throws<AbiEncodingException>(() => Eip712Encoder.SigningHash(bad));

        Assert.Contains("ProofResult.startedAt", ex.Message, StringComparison.Ordinal);
        Assert.Contains("uint64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PersonalSign_FixedMessages_MatchEthers()
    {
        foreach (var c in TestData.Expected.GetProperty("personal").EnumerateArray())
        {
            var key = EthereumKey.Parse(c.GetProperty("privateKey").GetString()!);
            var message = c.GetProperty("message").GetString()!;

            var signature = PersonalMessage.Sign(key, message);

            Assert.Equal(c.GetProperty("hash").GetString(), HexEncoding.ToHex(PersonalMessage.Hash(message)));
            Assert.Equal(c.GetProperty("signature").GetString(), signature.ToHex());
            Assert.Equal(key.Address, PersonalMessage.RecoverSigner(message, Signature.Parse(c.GetProperty("signature").GetString()!)));
        }
    }
}
