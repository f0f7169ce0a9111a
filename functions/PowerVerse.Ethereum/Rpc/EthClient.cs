using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;

namespace PowerVerse.Ethereum.Rpc;

/// <summary>The eth_* methods the platform uses (execution-apis), typed.</summary>
public sealed class EthClient(JsonRpcClient rpc)
{
    /// <summary>Block tag for reads: "latest", "pending", "safe", "finalized", or a number as QUANTITY.</summary>
    public const string Latest = "latest";

    public const string Pending = "pending";

    public JsonRpcClient Rpc { get; } = rpc ?? throw new ArgumentNullException(nameof(rpc));

    /// <summary>Largest block range one eth_getLogs request covers; ranges the node refuses are halved further.</summary>
    public long MaxLogBlockRange { get; init; } = 10_000;

    public async Task<BigInteger> ChainIdAsync(CancellationToken cancellationToken = default) =>
        Quantity(await Rpc.SendAsync("eth_chainId", [], cancellationToken));

    public async Task<long> BlockNumberAsync(CancellationToken cancellationToken = default) =>
        (long)Quantity(await Rpc.SendAsync("eth_blockNumber", [], cancellationToken));

    public async Task<BigInteger> GetBalanceAsync(Address address, string block = Latest, CancellationToken cancellationToken = default) =>
        Quantity(await Rpc.SendAsync("eth_getBalance", [address.ToLowerHex(), block], cancellationToken));

    /// <summary>The account's nonce; with "pending" it counts transactions in the node's pool too.</summary>
    public async Task<long> GetTransactionCountAsync(Address address, string block = Pending, CancellationToken cancellationToken = default) =>
        (long)Quantity(await Rpc.SendAsync("eth_getTransactionCount", [address.ToLowerHex(), block], cancellationToken));

    public async Task<byte[]> GetCodeAsync(Address address, string block = Latest, CancellationToken cancellationToken = default) =>
        Data(await Rpc.SendAsync("eth_getCode", [address.ToLowerHex(), block], cancellationToken));

    /// <exception cref="RpcException">The call reverted; <see cref="RpcException.RevertData"/> holds the revert bytes.</exception>
    public async Task<byte[]> CallAsync(CallRequest call, string block = Latest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Data(await Rpc.SendAsync("eth_call", [call.ToJson(), block], cancellationToken));
    }

    public async Task<BigInteger> EstimateGasAsync(CallRequest call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        return Quantity(await Rpc.SendAsync("eth_estimateGas", [call.ToJson()], cancellationToken));
    }

    public async Task<BigInteger> GasPriceAsync(CancellationToken cancellationToken = default) =>
        Quantity(await Rpc.SendAsync("eth_gasPrice", [], cancellationToken));

    /// <summary>eth_feeHistory over the last <paramref name="blockCount"/> blocks with priority-fee percentiles.</summary>
    public async Task<FeeHistory> FeeHistoryAsync(int blockCount, string newestBlock, IReadOnlyList<double> rewardPercentiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rewardPercentiles);
        var percentiles = new JsonArray(rewardPercentiles.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray());
        var result = await Rpc.SendAsync("eth_feeHistory", [HexEncoding.ToQuantity(blockCount), newestBlock, percentiles], cancellationToken);
        return FeeHistory.FromJson(result);
    }

    /// <summary>Sends a signed transaction; returns its hash.</summary>
    public async Task<string> SendRawTransactionAsync(ReadOnlyMemory<byte> raw, CancellationToken cancellationToken = default) =>
        (await Rpc.SendAsync("eth_sendRawTransaction", [HexEncoding.ToHex(raw.Span)], cancellationToken)).GetString()!;

    /// <summary>The receipt, or null while the transaction is not mined.</summary>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(string transactionHash, CancellationToken cancellationToken = default)
    {
        var result = await Rpc.SendAsync("eth_getTransactionReceipt", [transactionHash], cancellationToken);
        return result.ValueKind == JsonValueKind.Null ? null : TransactionReceipt.FromJson(result);
    }

    /// <summary>The block's timestamp and base fee, or null when it does not exist.</summary>
    public async Task<JsonElement?> GetBlockAsync(string block, CancellationToken cancellationToken = default)
    {
        var result = await Rpc.SendAsync("eth_getBlockByNumber", [block, false], cancellationToken);
        return result.ValueKind == JsonValueKind.Null ? null : result;
    }

    /// <summary>
    /// Logs matching <paramref name="filter"/>, in chain order. The range is requested in chunks of at most
    /// <see cref="MaxLogBlockRange"/> blocks, and a chunk the node refuses as too large is split in half.
    /// </summary>
    public async Task<IReadOnlyList<LogEntry>> GetLogsAsync(LogFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.ToBlock < filter.FromBlock)
        {
            throw new ArgumentOutOfRangeException(nameof(filter), $"toBlock {filter.ToBlock} is before fromBlock {filter.FromBlock}.");
        }

        var logs = new List<LogEntry>();
        for (var start = filter.FromBlock; start <= filter.ToBlock; start += MaxLogBlockRange)
        {
            var end = Math.Min(filter.ToBlock, start + MaxLogBlockRange - 1);
            await GetLogsRangeAsync(filter, start, end, logs, cancellationToken);
        }

        return logs;
    }

    private async Task GetLogsRangeAsync(LogFilter filter, long from, long to, List<LogEntry> logs, CancellationToken cancellationToken)
    {
        JsonElement result;
        try
        {
            result = await Rpc.SendAsync("eth_getLogs", [filter.ToJson(from, to)], cancellationToken);
        }
        catch (RpcException ex) when (from < to && LogRangeRefusal.IsRangeRefusal(ex))
        {
            var middle = from + ((to - from) / 2);
            await GetLogsRangeAsync(filter, from, middle, logs, cancellationToken);
            await GetLogsRangeAsync(filter, middle + 1, to, logs, cancellationToken);
            return;
        }

        logs.AddRange(result.EnumerateArray().Select(LogEntry.FromJson));
    }

    private static BigInteger Quantity(JsonElement e) => HexEncoding.ToBigInteger(e.GetString() ?? throw new HexFormatException("Expected a QUANTITY, got null."));

    private static byte[] Data(JsonElement e) => HexEncoding.ToBytes(e.GetString() ?? throw new HexFormatException("Expected DATA, got null."));
}
