using System.Text.Json;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;

namespace PowerVerse.Ethereum.Rpc;

/// <summary>A log as eth_getLogs and receipts return it.</summary>
public sealed record LogEntry(
    Address Address,
    IReadOnlyList<byte[]> Topics,
    byte[] Data,
    long BlockNumber,
    string BlockHash,
    string TransactionHash,
    int TransactionIndex,
    int LogIndex,
    bool Removed)
{
    internal static LogEntry FromJson(JsonElement log) => new(
        Address.Parse(log.GetProperty("address").GetString()!.ToLowerInvariant()),
        log.GetProperty("topics").EnumerateArray().Select(t => HexEncoding.ToBytes(t.GetString()!, 32)).ToArray(),
        HexEncoding.ToBytes(log.GetProperty("data").GetString()!),
        HexEncoding.ToLong(log.GetProperty("blockNumber").GetString()!),
        log.GetProperty("blockHash").GetString()!,
        log.GetProperty("transactionHash").GetString()!,
        (int)HexEncoding.ToLong(log.GetProperty("transactionIndex").GetString()!),
        (int)HexEncoding.ToLong(log.GetProperty("logIndex").GetString()!),
        log.TryGetProperty("removed", out var removed) && removed.ValueKind == JsonValueKind.True);
}
