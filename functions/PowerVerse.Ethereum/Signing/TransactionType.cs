namespace PowerVerse.Ethereum.Signing;

/// <summary>The EIP-2718 transaction type byte.</summary>
public enum TransactionType
{
    /// <summary>Pre-typed transaction; signed with EIP-155 replay protection when a chain id is given.</summary>
    Legacy = 0,

    /// <summary>EIP-1559 fee market transaction.</summary>
    Eip1559 = 2,
}
