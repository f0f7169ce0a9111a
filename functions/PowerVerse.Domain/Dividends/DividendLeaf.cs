using System.Numerics;

namespace PowerVerse.Domain.Dividends;

/// <summary>
/// One account's dividend in an epoch: the leaf DividendDistributor checks a claim against (DESIGN §2),
/// <c>keccak256(abi.encodePacked(address account, uint256 amount))</c> — the 20 address bytes then the amount as 32
/// big-endian bytes, 52 bytes in all, so a leaf is never mistaken for a 64-byte inner node.
/// </summary>
public sealed record DividendLeaf
{
    private static readonly BigInteger MaxUint256 = (BigInteger.One << 256) - 1;

    /// <param name="account">An address: 0x and 40 hex digits, any case.</param>
    /// <param name="amount">A uint256.</param>
    /// <exception cref="ArgumentException">The account is not an address, or the amount is not a uint256.</exception>
    public DividendLeaf(string account, BigInteger amount)
    {
        AccountBytes = MerkleHex.Address(account, nameof(account));
        if (amount.Sign < 0 || amount > MaxUint256)
        {
            throw new ArgumentException($"The amount {amount} is not a uint256.", nameof(amount));
        }

        Account = "0x" + Convert.ToHexStringLower(AccountBytes);
        Amount = amount;
        Hash = HashOf(AccountBytes, amount);
    }

    /// <summary>The account as 0x and 40 lowercase hex digits.</summary>
    public string Account { get; }

    public BigInteger Amount { get; }

    /// <summary>The leaf's keccak256, 32 bytes.</summary>
    public ReadOnlyMemory<byte> Hash { get; }

    internal byte[] AccountBytes { get; }

    private static byte[] HashOf(byte[] account, BigInteger amount)
    {
        Span<byte> packed = stackalloc byte[52];
        account.CopyTo(packed);
        amount.TryWriteBytes(packed[(52 - amount.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
        return Hashing.Keccak256.Hash(packed);
    }
}
