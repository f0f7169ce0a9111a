using System.Numerics;
using Nethereum.ABI;
using Nethereum.Util;
using PowerVerse.Domain.Dividends;

namespace PowerVerse.Domain.Tests.Dividends;

/// <summary>
/// The dividend tree against an independent encoding of what DividendDistributor.claim hashes (Nethereum's
/// abi.encodePacked and Keccak) and OpenZeppelin MerkleProof's fold; the chain itself checks it in the Chain tests.
/// </summary>
public sealed class DividendTreeTests
{
    [Fact]
    public void Leaf_AccountAndAmount_IsKeccakOfEncodePacked()
    {
        var account = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
        var amount = BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture);
        var packed = new ABIEncode().GetABIEncodedPacked(new ABIValue("address", account), new ABIValue("uint256", amount));

        var leaf = new DividendLeaf(account, amount);

        Assert.Equal(52, packed.Length);
        Assert.Equal(Sha3Keccack.Current.CalculateHash(packed), leaf.Hash.ToArray());
        Assert.Equal(account.ToLowerInvariant(), leaf.Account);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(33)]
    public void Build_AnyCount_EveryProofVerifiesAgainstTheRoot(int count)
    {
        var leaves = Leaves(count, seed: count);

        var tree = DividendTree.Build(leaves);

        foreach (var leaf in leaves)
        {
            var proof = tree.ProofOf(leaf.Account);
            Assert.True(IndependentVerify(proof, tree.Root.ToArray(), LeafHash(leaf.Account, leaf.Amount)), $"leaf {leaf.Account} of {count}");
            Assert.True(DividendTree.Verify(proof, tree.Root.Span, leaf.Hash.Span));
            Assert.True(proof.Count <= (int)Math.Ceiling(Math.Log2(count)));
        }

        Assert.Equal(leaves.Aggregate(BigInteger.Zero, (s, l) => s + l.Amount), tree.Total);
    }

    [Fact]
    public void Build_SingleLeaf_RootIsTheLeafAndTheProofEmpty()
    {
        var leaf = Leaves(1, seed: 9)[0];

        var tree = DividendTree.Build([leaf]);

        Assert.Equal(leaf.Hash.ToArray(), tree.Root.ToArray());
        Assert.Empty(tree.ProofOf(leaf.Account));
    }

    [Fact]
    public void Build_TwoLeaves_RootIsTheSortedPairHash()
    {
        var leaves = Leaves(2, seed: 4);
        var (a, b) = (leaves[0].Hash.ToArray(), leaves[1].Hash.ToArray());
        var (low, high) = new BigInteger(a, isUnsigned: true, isBigEndian: true) < new BigInteger(b, isUnsigned: true, isBigEndian: true) ? (a, b) : (b, a);

        var tree = DividendTree.Build(leaves);

        Assert.Equal(Sha3Keccack.Current.CalculateHash([.. low, .. high]), tree.Root.ToArray());
    }

    [Fact]
    public void Build_InputOrder_DoesNotChangeTheRoot()
    {
        var leaves = Leaves(6, seed: 2);

        Assert.Equal(DividendTree.Build(leaves).RootHex, DividendTree.Build(leaves.AsEnumerable().Reverse()).RootHex);
    }

    [Fact]
    public void Build_AccountTwice_Refused()
    {
        var leaves = Leaves(3, seed: 5);
        var again = new DividendLeaf(leaves[1].Account.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), leaves[1].Amount + 1);

        var ex = Assert.Throws<ArgumentException>(() => DividendTree.Build([.. leaves, again]));
        Assert.Contains(leaves[1].Account, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoLeaves_Refused() => Assert.Throws<ArgumentException>(() => DividendTree.Build([]));

    [Theory]
    [InlineData("0x1234")]
    [InlineData("70997970C51812dc3A010C7d01b50e0d17dc79C8ab")]
    [InlineData("0x70997970C51812dc3A010C7d01b50e0d17dc79Cg")]
    public void Leaf_NotAnAddress_Refused(string account) => Assert.Throws<ArgumentException>(() => new DividendLeaf(account, 1));

    [Fact]
    public void Leaf_AmountOutsideUint256_Refused()
    {
        Assert.Throws<ArgumentException>(() => new DividendLeaf(Leaves(1, 1)[0].Account, -1));
        Assert.Throws<ArgumentException>(() => new DividendLeaf(Leaves(1, 1)[0].Account, BigInteger.One << 256));
    }

    [Fact]
    public void Verify_WrongAmountOrForeignProofOrOtherRoot_False()
    {
        var leaves = Leaves(5, seed: 11);
        var tree = DividendTree.Build(leaves);
        var other = DividendTree.Build(Leaves(5, seed: 12));
        var (first, second) = (leaves[0], leaves[1]);

        Assert.False(DividendTree.Verify(tree.ProofOf(first.Account), tree.Root.Span, new DividendLeaf(first.Account, first.Amount + 1).Hash.Span));
        Assert.False(DividendTree.Verify(tree.ProofOf(second.Account), tree.Root.Span, first.Hash.Span));
        Assert.False(DividendTree.Verify(tree.ProofOf(first.Account), other.Root.Span, first.Hash.Span));
    }

    [Fact]
    public void ProofOf_AccountNotInTheTree_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => DividendTree.Build(Leaves(3, seed: 1)).ProofOf("0x" + new string('a', 40)));

    /// <summary>Distinct random accounts with random amounts up to 2^96.</summary>
    internal static List<DividendLeaf> Leaves(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var account = new byte[20];
            var amount = new byte[12];
            random.NextBytes(account);
            random.NextBytes(amount);
            return new DividendLeaf("0x" + Convert.ToHexString(account), new BigInteger(amount, isUnsigned: true) + 1);
        }).ToList();
    }

    private static byte[] LeafHash(string account, BigInteger amount) =>
        Sha3Keccack.Current.CalculateHash(new ABIEncode().GetABIEncodedPacked(new ABIValue("address", account), new ABIValue("uint256", amount)));

    // MerkleProof.processProof with Hashes.commutativeKeccak256, written out on Nethereum's Keccak.
    private static bool IndependentVerify(IEnumerable<ReadOnlyMemory<byte>> proof, byte[] root, byte[] leaf)
    {
        var computed = leaf;
        foreach (var sibling in proof.Select(p => p.ToArray()))
        {
            computed = new BigInteger(computed, isUnsigned: true, isBigEndian: true) < new BigInteger(sibling, isUnsigned: true, isBigEndian: true)
                ? Sha3Keccack.Current.CalculateHash([.. computed, .. sibling])
                : Sha3Keccack.Current.CalculateHash([.. sibling, .. computed]);
        }

        return computed.AsSpan().SequenceEqual(root);
    }
}
