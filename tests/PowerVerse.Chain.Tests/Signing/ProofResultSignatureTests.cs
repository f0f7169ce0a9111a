using System.Numerics;
using Nethereum.ABI.EIP712;
using Nethereum.Signer;
using Nethereum.Signer.EIP712;
using PowerVerse.Chain.Signing;
using Eip712Domain = Nethereum.ABI.EIP712.Domain;

namespace PowerVerse.Chain.Tests.Signing;

/// <summary>
/// The platform recovers the agent from a ProofResult signature made the way a wallet makes it (Nethereum's EIP-712
/// encoder over the typed data, independent of the Domain's digest), and refuses what ProofOfCompute would refuse.
/// </summary>
public sealed class ProofResultSignatureTests
{
    private const string Contract = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private static readonly byte[] Seed = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
    private static readonly ulong[] Nonces = [3, 99, ulong.MaxValue];

    [Fact]
    public void RecoverSigner_WalletSignedTypedData_IsTheAgent()
    {
        var key = EthECKey.GenerateKey();
        var signature = Sign(key, 12);

        Assert.Equal(key.GetPublicAddress(), ProofResultSignature.RecoverSigner(31337, Contract, 12, 4, Seed, Nonces, 100, 200, signature));
        Assert.NotEqual(key.GetPublicAddress(), ProofResultSignature.RecoverSigner(31337, Contract, 13, 4, Seed, Nonces, 100, 200, signature));
    }

    [Fact]
    public void RecoverSigner_HighS_IsRefused()
    {
        var signature = Sign(EthECKey.GenerateKey(), 12);
        var order = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        var s = new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var twin = (byte[])signature.Clone();
        (order - s).TryWriteBytes(twin.AsSpan(32, 32), out _, isUnsigned: true, isBigEndian: true);
        twin[64] = (byte)(signature[64] == 27 ? 28 : 27);

        Assert.Null(ProofResultSignature.RecoverSigner(31337, Contract, 12, 4, Seed, Nonces, 100, 200, twin));
    }

    [Fact]
    public void RecoverSigner_NotSixtyFiveBytes_IsRefused() =>
        Assert.Null(ProofResultSignature.RecoverSigner(31337, Contract, 12, 4, Seed, Nonces, 100, 200, new byte[64]));

    private static byte[] Sign(EthECKey key, BigInteger challengeId)
    {
        var typed = new TypedData<Eip712Domain>
        {
            Domain = new Eip712Domain { Name = "PowerVerse ProofOfCompute", Version = "1", ChainId = 31337, VerifyingContract = Contract },
            Types = new Dictionary<string, MemberDescription[]>
            {
                ["EIP712Domain"] = [Member("name", "string"), Member("version", "string"), Member("chainId", "uint256"), Member("verifyingContract", "address")],
                ["ProofResult"] =
                [
                    Member("challengeId", "uint256"), Member("vid", "uint256"), Member("seed", "bytes32"), Member("nonces", "uint64[]"),
                    Member("startedAt", "uint64"), Member("finishedAt", "uint64"),
                ],
            },
            PrimaryType = "ProofResult",
            Message =
            [
                Value("uint256", challengeId), Value("uint256", new BigInteger(4)), Value("bytes32", Seed),
                Value("uint64[]", Nonces.Select(n => (BigInteger)n).ToList()), Value("uint64", new BigInteger(100)), Value("uint64", new BigInteger(200)),
            ],
        };
        typed.InitDomainRawValues();
        return Convert.FromHexString(Eip712TypedDataSigner.Current.SignTypedDataV4(typed, key)[2..]);
    }

    private static MemberDescription Member(string name, string type) => new() { Name = name, Type = type };

    private static MemberValue Value(string type, object value) => new() { TypeName = type, Value = value };
}
