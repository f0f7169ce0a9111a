using System.Text.Json.Nodes;

namespace PowerVerse.Dashboard.Tests.Wallet;

/// <summary>A request the wallet refuses, or the node's error for it: the page gets <c>{code, message, data}</c> thrown, as EIP-1193 says.</summary>
internal sealed class WalletException(int code, string message, JsonNode? data = null) : Exception(message)
{
    public int Code { get; } = code;

    public JsonObject ToJson() => new() { ["code"] = Code, ["message"] = Message, ["data"] = data?.DeepClone() };
}
