namespace PowerVerse.Ethereum.Rpc;

/// <summary>
/// Recognises a node refusing an eth_getLogs range as too large. There is no standard code: providers
/// answer -32005 (EIP-1474 "limit exceeded") or -32602/-32000 with a message about range or result size.
/// </summary>
internal static class LogRangeRefusal
{
    private static readonly string[] Phrases =
    [
        "block range", "range too large", "range is too large", "exceed", "too many", "limit", "query returned more than", "response size",
    ];

    public static bool IsRangeRefusal(RpcException ex) =>
        ex.Code == -32005 || Phrases.Any(p => ex.NodeMessage.Contains(p, StringComparison.OrdinalIgnoreCase));
}
