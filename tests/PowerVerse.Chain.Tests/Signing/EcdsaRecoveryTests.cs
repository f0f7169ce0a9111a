using System.Numerics;
using Nethereum.Signer;
using Nethereum.Util;
using PowerVerse.Chain.Signing;

namespace PowerVerse.Chain.Tests.Signing;

public sealed class EcdsaRecoveryTests
{
    private static readonly EthECKey Key = new("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");
    private static readonly BigInteger CurveOrder = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly byte[] Digest = Sha3Keccack.Current.CalculateHash("PowerVerse"u8.ToArray());

    private static byte[] Sign()
    {
        var signature = Key.SignAndCalculateV(Digest);
        return [.. signature.R, .. signature.S, .. signature.V];
    }

    [Fact]
    public void Recover_ValidSignature_IsTheSigner() =>
        Assert.Equal(Key.GetPublicAddress(), EcdsaRecovery.Recover(Digest, Sign()));

    [Fact]
    public void Recover_HighSTwin_IsRefused()
    {
        // (r, n − s, v ^ 1) recovers the same key, but OpenZeppelin's ECDSA refuses it (EIP-2).
        var signature = Sign();
        var s = new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var twin = (CurveOrder - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] malleated = [.. signature[..32], .. new byte[32 - twin.Length], .. twin, (byte)(signature[64] ^ 1)];

        Assert.Throws<FormatException>(() => EcdsaRecovery.Recover(Digest, malleated));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(171)]
    public void Recover_VOtherThan27Or28_IsRefused(byte v)
    {
        var signature = Sign();
        signature[64] = v;

        Assert.Throws<FormatException>(() => EcdsaRecovery.Recover(Digest, signature));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(66)]
    public void Recover_NotSixtyFiveBytes_IsRefused(int length) =>
        Assert.Throws<FormatException>(() => EcdsaRecovery.Recover(Digest, new byte[length]));
}
