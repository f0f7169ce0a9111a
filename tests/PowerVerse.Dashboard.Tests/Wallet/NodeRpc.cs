using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PowerVerse.Dashboard.Tests.Wallet;

/// <summary>The node's JSON-RPC, for the requests a wallet passes through: the page's params go verbatim, the node's result or error comes back.</summary>
internal sealed class NodeRpc(Uri rpcUrl)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private int _id;

    public async Task<JsonNode?> ForwardAsync(string method, JsonElement parameters)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _id),
            ["method"] = method,
            ["params"] = parameters.ValueKind == JsonValueKind.Undefined ? new JsonArray() : JsonNode.Parse(parameters.GetRawText()),
        };
        using var response = await Http.PostAsJsonAsync(rpcUrl, request);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>()
            ?? throw new WalletException(-32603, $"The node answered {(int)response.StatusCode} with no JSON-RPC body.");
        if (answer["error"] is JsonObject error)
        {
            throw new WalletException((int?)error["code"] ?? -32603, (string?)error["message"] ?? "error", error["data"]?.DeepClone());
        }

        return answer["result"]?.DeepClone();
    }
}
