using System.Numerics;
using System.Text.Json;
using PowerVerse.Ethereum.Hex;

namespace PowerVerse.Ethereum.Rpc;

/// <summary>
/// eth_feeHistory's answer. <see cref="BaseFeePerGas"/> has one more entry than blocks asked for: the
/// last one is the next block's base fee (EIP-1559).
/// </summary>
public sealed record FeeHistory(long OldestBlock, IReadOnlyList<BigInteger> BaseFeePerGas, IReadOnlyList<double> GasUsedRatio, IReadOnlyList<IReadOnlyList<BigInteger>> Reward)
{
    public BigInteger NextBaseFee => BaseFeePerGas.Count > 0 ? BaseFeePerGas[^1] : BigInteger.Zero;

    internal static FeeHistory FromJson(JsonElement f) => new(
        HexEncoding.ToLong(f.GetProperty("oldestBlock").GetString()!),
        f.GetProperty("baseFeePerGas").EnumerateArray().Select(b => HexEncoding.ToBigInteger(b.GetString()!)).ToArray(),
        f.GetProperty("gasUsedRatio").EnumerateArray().Select(g => g.GetDouble()).ToArray(),
        f.TryGetProperty("reward", out var reward)
            ? reward.EnumerateArray().Select(r => (IReadOnlyList<BigInteger>)r.EnumerateArray().Select(x => HexEncoding.ToBigInteger(x.GetString()!)).ToArray()).ToArray()
            : []);
}
