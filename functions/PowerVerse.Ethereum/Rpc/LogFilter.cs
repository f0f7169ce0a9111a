using System.Text.Json.Nodes;
using PowerVerse.Ethereum.Crypto;
using PowerVerse.Ethereum.Hex;

namespace PowerVerse.Ethereum.Rpc;

/// <summary>
/// An eth_getLogs filter over a closed block range. Topics are positional: null matches anything, a
/// list matches any of its values (OR), positions are ANDed.
/// </summary>
public sealed record LogFilter
{
    public required long FromBlock { get; init; }

    public required long ToBlock { get; init; }

    public IReadOnlyList<Address> Addresses { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<byte[]>?> Topics { get; init; } = [];

    internal JsonObject ToJson(long from, long to)
    {
        var json = new JsonObject
        {
            ["fromBlock"] = HexEncoding.ToQuantity(from),
            ["toBlock"] = HexEncoding.ToQuantity(to),
        };
        if (Addresses.Count > 0)
        {
            json["address"] = new JsonArray(Addresses.Select(a => (JsonNode?)JsonValue.Create(a.ToLowerHex())).ToArray());
        }

        if (Topics.Count > 0)
        {
            json["topics"] = new JsonArray(Topics.Select(position => position is null
                ? null
                : (JsonNode)new JsonArray(position.Select(t => (JsonNode?)JsonValue.Create(HexEncoding.ToHex(t))).ToArray())).ToArray());
        }

        return json;
    }
}
