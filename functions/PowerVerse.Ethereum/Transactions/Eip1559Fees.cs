using System.Numerics;

namespace PowerVerse.Ethereum.Transactions;

/// <summary>The two EIP-1559 fee caps of a type-2 transaction, in wei per gas.</summary>
public sealed record Eip1559Fees(BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas)
{
    /// <summary>Both caps raised by at least <paramref name="percent"/>% plus one wei: nodes refuse a replacement with less (geth: 10%).</summary>
    public Eip1559Fees Bump(int percent) => new(
        (MaxFeePerGas * (100 + percent) / 100) + 1,
        (MaxPriorityFeePerGas * (100 + percent) / 100) + 1);

    /// <summary>Each cap the larger of the two.</summary>
    public Eip1559Fees Max(Eip1559Fees other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(BigInteger.Max(MaxFeePerGas, other.MaxFeePerGas), BigInteger.Max(MaxPriorityFeePerGas, other.MaxPriorityFeePerGas));
    }
}
