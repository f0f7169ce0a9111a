using System.Numerics;
using PowerVerse.Domain.Hashing;

namespace PowerVerse.Domain.Dividends;

/// <summary>
/// The Merkle tree of an epoch's dividends, built the way DividendDistributor.claim verifies it: leaves as
/// <see cref="DividendLeaf"/> hashes them, every inner node keccak256 of its two children in ascending byte order
/// (OpenZeppelin MerkleProof's commutative hash, the Uniswap MerkleDistributor pattern). Leaves are ordered by their
/// hash, so the same set of leaves gives the same root in any input order; a layer's odd last node moves up
/// unpaired and adds nothing to its proofs. One leaf per account: a second leaf of an account is refused, since the
/// contract pays an account once per epoch.
/// </summary>
public sealed class DividendTree
{
    private readonly byte[][][] _layers;
    private readonly Dictionary<string, int> _positionOf;

    private DividendTree(IReadOnlyList<DividendLeaf> leaves, byte[][][] layers)
    {
        Leaves = leaves;
        _layers = layers;
        _positionOf = leaves.Select((leaf, i) => (leaf.Account, i)).ToDictionary(p => p.Account, p => p.i, StringComparer.Ordinal);
        Total = leaves.Aggregate(BigInteger.Zero, (sum, leaf) => sum + leaf.Amount);
    }

    /// <summary>The leaves in tree order (ascending leaf hash).</summary>
    public IReadOnlyList<DividendLeaf> Leaves { get; }

    /// <summary>The root, 32 bytes: what the settler posts.</summary>
    public ReadOnlyMemory<byte> Root => _layers[^1][0];

    /// <summary>The root as 0x and 64 lowercase hex digits.</summary>
    public string RootHex => MerkleHex.Text(Root.Span);

    /// <summary>The sum of the leaves' amounts: what the epoch is funded with.</summary>
    public BigInteger Total { get; }

    /// <exception cref="ArgumentException">No leaves, or two leaves for one account.</exception>
    public static DividendTree Build(IEnumerable<DividendLeaf> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        var ordered = leaves.OrderBy(l => l.Hash, HashOrder.Instance).ToList();
        if (ordered.Count == 0)
        {
            throw new ArgumentException("A dividend tree needs at least one leaf (the contract refuses a zero root).", nameof(leaves));
        }

        var twice = ordered.GroupBy(l => l.Account, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"Account {twice.Key} has {twice.Count()} leaves; an account has one leaf per epoch.", nameof(leaves));
        }

        var layers = new List<byte[][]> { ordered.Select(l => l.Hash.ToArray()).ToArray() };
        while (layers[^1].Length > 1)
        {
            var below = layers[^1];
            var layer = new byte[(below.Length + 1) / 2][];
            for (var i = 0; i < layer.Length; i++)
            {
                layer[i] = 2 * i + 1 < below.Length ? HashPair(below[2 * i], below[2 * i + 1]) : below[2 * i];
            }

            layers.Add(layer);
        }

        return new DividendTree(ordered, [.. layers]);
    }

    /// <summary>Whether the tree has a leaf for <paramref name="account"/> (any case).</summary>
    public bool Contains(string account) => _positionOf.ContainsKey(Normalize(account));

    /// <summary>The account's leaf.</summary>
    /// <exception cref="KeyNotFoundException">The account has no leaf.</exception>
    public DividendLeaf LeafOf(string account) => Leaves[Position(account)];

    /// <summary>The sibling hashes from the account's leaf up to the root, as <c>claim</c> takes them.</summary>
    /// <exception cref="KeyNotFoundException">The account has no leaf.</exception>
    public IReadOnlyList<ReadOnlyMemory<byte>> ProofOf(string account)
    {
        var index = Position(account);
        var proof = new List<ReadOnlyMemory<byte>>();
        foreach (var layer in _layers[..^1])
        {
            var sibling = index ^ 1;
            if (sibling < layer.Length)
            {
                proof.Add(layer[sibling]);
            }

            index /= 2;
        }

        return proof;
    }

    /// <summary><see cref="ProofOf"/> as 0x hex strings.</summary>
    public IReadOnlyList<string> ProofHexOf(string account) => ProofOf(account).Select(p => MerkleHex.Text(p.Span)).ToList();

    /// <summary>OpenZeppelin <c>MerkleProof.verify</c>: folds the proof into the leaf with the commutative hash and compares with the root.</summary>
    public static bool Verify(IEnumerable<ReadOnlyMemory<byte>> proof, ReadOnlySpan<byte> root, ReadOnlySpan<byte> leaf)
    {
        ArgumentNullException.ThrowIfNull(proof);
        var computed = leaf.ToArray();
        foreach (var sibling in proof)
        {
            computed = HashPair(computed, sibling.Span);
        }

        return computed.AsSpan().SequenceEqual(root);
    }

    /// <summary>keccak256 of the two 32-byte hashes, the smaller first (OpenZeppelin <c>Hashes.commutativeKeccak256</c>).</summary>
    public static byte[] HashPair(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != Keccak256.HashBytes || b.Length != Keccak256.HashBytes)
        {
            throw new ArgumentException("Merkle nodes are 32-byte hashes.");
        }

        Span<byte> pair = stackalloc byte[64];
        var ordered = a.SequenceCompareTo(b) <= 0;
        (ordered ? a : b).CopyTo(pair);
        (ordered ? b : a).CopyTo(pair[32..]);
        return Keccak256.Hash(pair);
    }

    private int Position(string account) =>
        _positionOf.TryGetValue(Normalize(account), out var index) ? index : throw new KeyNotFoundException($"Account {account} has no leaf in this tree.");

    private static string Normalize(string account) => MerkleHex.Text(MerkleHex.Address(account, nameof(account)));

    private sealed class HashOrder : IComparer<ReadOnlyMemory<byte>>
    {
        public static readonly HashOrder Instance = new();

        public int Compare(ReadOnlyMemory<byte> x, ReadOnlyMemory<byte> y) => x.Span.SequenceCompareTo(y.Span);
    }
}
