using System.Numerics;
using System.Text.Json;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;

namespace PowerVerse.Ethereum.Rpc;

/// <summary>eth_getTransactionReceipt's answer. <see cref="Succeeded"/> is the EIP-658 status.</summary>
public sealed record TransactionReceipt(
    string TransactionHash,
    long BlockNumber,
    string BlockHash,
    Address From,
    Address? To,
    bool Succeeded,
    BigInteger GasUsed,
    BigInteger EffectiveGasPrice,
    Address? ContractAddress,
    IReadOnlyList<LogEntry> Logs)
{
    internal static TransactionReceipt FromJson(JsonElement r)
    {
        static Address? OptionalAddress(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Address.Parse(v.GetString()!.ToLowerInvariant()) : null;

        return new TransactionReceipt(
            r.GetProperty("transactionHash").GetString()!,
            HexEncoding.ToLong(r.GetProperty("blockNumber").GetString()!),
            r.GetProperty("blockHash").GetString()!,
            OptionalAddress(r, "from") ?? Address.Zero,
            OptionalAddress(r, "to"),
            r.TryGetProperty("status", out var s) && HexEncoding.ToBigInteger(s.GetString()!) == 1,
            HexEncoding.ToBigInteger(r.GetProperty("gasUsed").GetString()!),
            r.TryGetProperty("effectiveGasPrice", out var p) ? HexEncoding.ToBigInteger(p.GetString()!) : BigInteger.Zero,
            OptionalAddress(r, "contractAddress"),
            r.GetProperty("logs").EnumerateArray().Select(LogEntry.FromJson).ToArray());
    }
}
