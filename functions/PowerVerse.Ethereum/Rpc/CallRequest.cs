using System.Numerics;
using System.Text.Json.Nodes;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;

namespace PowerVerse.Ethereum.Rpc;

/// <summary>The transaction object of eth_call and eth_estimateGas.</summary>
public sealed record CallRequest
{
    public Address? From { get; init; }

    /// <summary>Null for a contract creation.</summary>
    public Address? To { get; init; }

    public BigInteger? Value { get; init; }

    public BigInteger? Gas { get; init; }

    public ReadOnlyMemory<byte> Data { get; init; }

    internal JsonObject ToJson()
    {
        var json = new JsonObject();
        if (From is { } from)
        {
            json["from"] = from.ToLowerHex();
        }

        if (To is { } to)
        {
            json["to"] = to.ToLowerHex();
        }

        if (Value is { } value)
        {
            json["value"] = HexEncoding.ToQuantity(value);
        }

        if (Gas is { } gas)
        {
            json["gas"] = HexEncoding.ToQuantity(gas);
        }

        json["data"] = HexEncoding.ToHex(Data.Span);
        return json;
    }
}
