using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Nethereum.Signer.EIP712;
using PowerVerse.Domain.Json;
using PowerVerse.Domain.Proofs;
using PowerVerse.GpuAgent.Keys;
using PowerVerse.GpuAgent.Signing;
using PowerVerse.GpuAgent.Tests.Support;

namespace PowerVerse.GpuAgent.Tests.Signing;

/// <summary>
/// The agent's signatures on Nethereum are byte for byte those of its hand-written signing code (recorded in
/// TestData/legacy-signing-vectors.json) and of ethers v6 (TestData/ethers-proof-result.json).
/// </summary>
public sealed class SigningVectorTests
{
    private static readonly JsonObject Legacy = TestFiles.Json("legacy-signing-vectors.json");

    public static TheoryData<int> ProofCases => new(Enumerable.Range(0, Legacy["proofResults"]!.AsArray().Count));

    public static TheoryData<int> PersonalCases => new(Enumerable.Range(0, Legacy["personal"]!.AsArray().Count));

    [Fact]
    public void Signer_LegacyKey_HasTheRecordedAddress()
    {
        var signer = CreateSut();

        Assert.Equal((string)Legacy["address"]!, signer.ChecksumAddress);
        Assert.Equal(((string)Legacy["address"]!).ToLowerInvariant(), signer.Address);
    }

    [Theory]
    [MemberData(nameof(ProofCases))]
    public void SignProofResult_LegacyVector_IsByteIdentical(int index)
    {
        var c = Legacy["proofResults"]![index]!;

        var signature = CreateSut().SignProofResult(
            Big(c["chainId"]), AgentAddress.Normalize((string)c["verifyingContract"]!), Big(c["challengeId"]), Big(c["vid"]),
            Convert.FromHexString(((string)c["seed"]!)[2..]), [.. c["nonces"]!.AsArray().Select(n => ulong.Parse((string)n!, CultureInfo.InvariantCulture))],
            ulong.Parse((string)c["startedAt"]!, CultureInfo.InvariantCulture), ulong.Parse((string)c["finishedAt"]!, CultureInfo.InvariantCulture));

        Assert.Equal((string)c["signature"]!, signature);
    }

    [Theory]
    [MemberData(nameof(PersonalCases))]
    public void SignJson_LegacyVector_HasTheSameCanonicalTextAndSignature(int index)
    {
        var c = Legacy["personal"]![index]!;
        var message = (JsonObject)c["message"]!.DeepClone();

        Assert.Equal((string)c["canonical"]!, CanonicalJson.Serialize(message));
        Assert.Equal((string)c["signature"]!, (string)CreateSut().SignJson(message)["signature"]!);
    }

    [Fact]
    public void SignProofResult_EthersVector_MatchesItsHashAndSignature()
    {
        var v = TestFiles.Json("ethers-proof-result.json");
        var (domain, message) = (v["domain"]!, v["message"]!);
        var nonces = message["nonces"]!.AsArray().Select(n => ulong.Parse((string)n!, CultureInfo.InvariantCulture)).ToArray();
        var (startedAt, finishedAt) = (ulong.Parse((string)message["startedAt"]!, CultureInfo.InvariantCulture), ulong.Parse((string)message["finishedAt"]!, CultureInfo.InvariantCulture));
        var contract = AgentAddress.Normalize((string)domain["verifyingContract"]!);
        var seed = Convert.FromHexString(((string)message["seed"]!)[2..]);

        var digest = ProofResultTypedData.Digest((int)domain["chainId"]!, contract, Big(message["challengeId"]), Big(message["vid"]), seed, nonces, startedAt, finishedAt);
        var signer = new AgentSigner(AgentKeys.Parse((string)v["privateKey"]!));

        Assert.Equal((string)v["hash"]!, "0x" + Convert.ToHexStringLower(digest));
        Assert.Equal((string)v["signature"]!, signer.SignProofResult((int)domain["chainId"]!, contract, Big(message["challengeId"]), Big(message["vid"]), seed, nonces, startedAt, finishedAt));
    }

    [Fact]
    public void SignProofResult_RecoveredFromWalletJson_IsTheAgent()
    {
        var signer = CreateSut();
        var seed = new byte[32];
        var signature = signer.SignProofResult(31337, "0x5fbdb2315678afecb367f032d93f642f64180aa3", 5, 7, seed, [1, ulong.MaxValue], 10, 20);

        var json = WalletJson.ProofResult(31337, "0x5FbDB2315678afecb367f032d93F642f64180aa3", "5", "7", seed, [1, ulong.MaxValue], 10, 20);

        Assert.Equal(signer.ChecksumAddress, new Eip712TypedDataSigner().RecoverFromSignatureV4(json, signature));
    }

    private static AgentSigner CreateSut() => new(AgentKeys.Parse((string)Legacy["privateKey"]!));

    private static BigInteger Big(JsonNode? node) => BigInteger.Parse((string)node!, CultureInfo.InvariantCulture);
}
