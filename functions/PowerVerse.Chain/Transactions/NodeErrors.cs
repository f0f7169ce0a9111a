using Nethereum.JsonRpc.Client;

namespace PowerVerse.Chain.Transactions;

/// <summary>Pool answers to eth_sendRawTransaction that are not failures of the send (wording differs by client).</summary>
internal static class NodeErrors
{
    public static bool IsAlreadyKnown(RpcResponseException ex) =>
        Has(ex, "already known") || Has(ex, "known transaction") || Has(ex, "already imported") || Has(ex, "already exists");

    public static bool IsNonceTooLow(RpcResponseException ex) => Has(ex, "nonce too low") || Has(ex, "nonce is too low");

    /// <summary>
    /// An earlier nonce of the account has not reached this node yet (another process sending from the same key
    /// took it). Geth and most nodes queue such a transaction; Hardhat with automine refuses it instead.
    /// </summary>
    public static bool IsNonceTooHigh(RpcResponseException ex) => Has(ex, "nonce too high");

    public static bool IsUnderpriced(RpcResponseException ex) => Has(ex, "underpriced");

    private static bool Has(RpcResponseException ex, string text) =>
        ex.RpcError.Message?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;
}
