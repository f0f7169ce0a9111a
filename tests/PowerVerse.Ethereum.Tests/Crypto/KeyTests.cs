using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;
using PowerVerse.Ethereum.Tests.Support;

namespace PowerVerse.Ethereum.Tests.Crypto;

public sealed class KeyTests
{
    public static TheoryData<int> Keys() => TestData.Indexes("keys");

    [Theory]
    [MemberData(nameof(Keys))]
    public void Address_WellKnownKey_MatchesEthers(int index)
    {
        var c = TestData.Expected.GetProperty("keys")[index];

        var key = EthereumKey.Parse(c.GetProperty("privateKey").GetString()!);

        Assert.Equal(c.GetProperty("address").GetString(), key.Address.ToString());
    }

    [Fact]
    public void Address_HardhatAccountZero_IsTheKnownAddress()
    {
        var key = EthereumKey.Parse("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", key.Address.ToString());
    }

    [Fact]
    public void Sign_ThenRecover_GivesSignerAndLowS()
    {
        var key = EthereumKey.Parse(TestData.PrivateKey(10));
        var halfN = Org.BouncyCastle.Math.BigInteger.One.ShiftLeft(255);
        for (var i = 0; i < 50; i++)
        {
            var hash = Keccak256.Hash(BitConverter.GetBytes(i));

            var signature = key.Sign(hash);

            Assert.Equal(key.Address, SignatureRecovery.RecoverAddress(hash, signature));
            Assert.True(new Org.BouncyCastle.Math.BigInteger(1, signature.S.ToArray()).CompareTo(halfN) < 0);
        }
    }

    [Fact]
    public void Sign_SameInput_IsDeterministic()
    {
        var key = EthereumKey.Parse(TestData.PrivateKey(10));
        var hash = Keccak256.Hash("x");

        Assert.Equal(key.Sign(hash).ToHex(), key.Sign(hash).ToHex());
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("0xzz0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    public void Parse_BadPrivateKey_ThrowsHexFormatException(string hex)
    {
        Assert.Throws<HexFormatException>(() => EthereumKey.Parse(hex));
    }

    [Fact]
    public void Recover_TamperedSignature_GivesAnotherAddressOrThrows()
    {
        var key = EthereumKey.Parse(TestData.PrivateKey(10));
        var hash = Keccak256.Hash("message");
        var bytes = key.Sign(hash).ToBytes();
        bytes[5] ^= 1;

        try
        {
            Assert.NotEqual(key.Address, SignatureRecovery.RecoverAddress(hash, Signature.FromBytes(bytes)));
        }
        catch (InvalidSignatureException)
        {
            // Equally acceptable: r is no longer on the curve.
        }
    }

    [Fact]
    public void FromBytes_HighS_ThrowsInvalidSignature()
    {
        var bytes = new byte[65];
        bytes[31] = 1;
        HexEncoding.ToBytes("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140").CopyTo(bytes, 32);
        bytes[64] = 27;

        var ex = Assert.Throws<InvalidSignatureException>(() => Signature.FromBytes(bytes));
        Assert.Contains("EIP-2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(64, 27)]
    [InlineData(65, 29)]
    public void FromBytes_WrongLengthOrV_ThrowsInvalidSignature(int length, byte v)
    {
        var bytes = new byte[length];
        bytes[31] = 1;
        bytes[63] = 1;
        bytes[^1] = v;

        Assert.Throws<InvalidSignatureException>(() => Signature.FromBytes(bytes));
    }

    [Fact]
    public void Recover_RZero_ThrowsInvalidSignature()
    {
        var signature = new Signature(new byte[32], new byte[32], 0);

        Assert.Throws<InvalidSignatureException>(() => SignatureRecovery.RecoverAddress(new byte[32], signature));
    }

    [Fact]
    public void Parse_NotHex_ThrowsInvalidSignature()
    {
        Assert.Throws<InvalidSignatureException>(() => Signature.Parse("0xnothex"));
    }
}
