using PowerVerse.Ethereum.Rpc;

namespace PowerVerse.Ethereum.Transactions;

/// <summary>Pool answers to eth_sendRawTransaction that are not failures of the send (wording differs by client).</summary>
internal static class NodeErrors
{
    public static bool IsAlreadyKnown(RpcException ex) =>
        Has(ex, "already known") || Has(ex, "known transaction") || Has(ex, "already imported") || Has(ex, "already exists");

    public static bool IsNonceTooLow(RpcException ex) => Has(ex, "nonce too low") || Has(ex, "nonce is too low");

    public static bool IsUnderpriced(RpcException ex) => Has(ex, "underpriced");

    private static bool Has(RpcException ex, string text) => ex.NodeMessage.Contains(text, StringComparison.OrdinalIgnoreCase);
}
