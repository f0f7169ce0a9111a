using PowerVerse.Domain.Proofs;

namespace PowerVerse.Domain.Tests.Proofs;

/// <summary>
/// The EIP-712 ProofResult digest. Its bytes are checked against ethers v6 in the agent's tests
/// (tests/PowerVerse.GpuAgent.Tests/TestData/ethers-proof-result.json) and against ProofOfCompute on chain; here: the
/// pieces EIP-712 fixes, and that every signed field moves the digest.
/// </summary>
public sealed class ProofResultTypedDataTests
{
    private const string Contract = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private static readonly byte[] Seed = new byte[32];

    [Fact]
    public void TypeString_IsTheContractsTypehashPreimage() =>
        Assert.Equal("ProofResult(uint256 challengeId,uint256 vid,bytes32 seed,uint64[] nonces,uint64 startedAt,uint64 finishedAt)", ProofResultTypedData.TypeString);

    [Fact]
    public void Digest_EachSignedField_ChangesIt()
    {
        var digest = Digest();

        Assert.Equal(digest, Digest());
        Assert.NotEqual(digest, ProofResultTypedData.Digest(31338, Contract, 5, 7, Seed, [1, 2], 10, 20));
        Assert.NotEqual(digest, ProofResultTypedData.Digest(31337, "0x0000000000000000000000000000000000000001", 5, 7, Seed, [1, 2], 10, 20));
        Assert.NotEqual(digest, ProofResultTypedData.Digest(31337, Contract, 6, 7, Seed, [1, 2], 10, 20));
        Assert.NotEqual(digest, ProofResultTypedData.Digest(31337, Contract, 5, 8, Seed, [1, 2], 10, 20));
        Assert.NotEqual(digest, ProofResultTypedData.Digest(31337, Contract, 5, 7, [.. Seed[..31], 1], [1, 2], 10, 20));
        Assert.NotEqual(digest, ProofResultTypedData.Digest(31337, Contract, 5, 7, Seed, [1, 3], 10, 20));
        Assert.NotEqual(digest, ProofResultTypedData.Digest(31337, Contract, 5, 7, Seed, [1, 2, 3], 10, 20));
        Assert.NotEqual(digest, ProofResultTypedData.Digest(31337, Contract, 5, 7, Seed, [1, 2], 11, 20));
        Assert.NotEqual(digest, ProofResultTypedData.Digest(31337, Contract, 5, 7, Seed, [1, 2], 10, 21));
    }

    [Fact]
    public void Digest_AddressCase_DoesNotMatter() =>
        Assert.Equal(Digest(), ProofResultTypedData.Digest(31337, Contract.ToLowerInvariant(), 5, 7, Seed, [1, 2], 10, 20));

    [Theory]
    [InlineData("0x1234")]
    [InlineData("5FbDB2315678afecb367f032d93F642f64180aa3")]
    public void Digest_NotAnAddress_Throws(string contract) =>
        Assert.Throws<ArgumentException>(() => ProofResultTypedData.Digest(31337, contract, 5, 7, Seed, [1], 10, 20));

    [Fact]
    public void Digest_ASeedOfAnotherLength_Throws() =>
        Assert.Throws<ArgumentException>(() => ProofResultTypedData.Digest(31337, Contract, 5, 7, new byte[31], [1], 10, 20));

    private static byte[] Digest() => ProofResultTypedData.Digest(31337, Contract, 5, 7, Seed, [1, 2], 10, 20);
}
