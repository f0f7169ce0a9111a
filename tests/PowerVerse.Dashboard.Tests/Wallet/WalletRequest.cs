using System.Text.Json;

namespace PowerVerse.Dashboard.Tests.Wallet;

/// <summary>One request the page sent its wallet; for <c>eth_signTypedData_v4</c>, the typed data's <c>primaryType</c> (e.g. ForwardRequest).</summary>
public sealed record WalletRequest(string Method, JsonElement Params, string? PrimaryType)
{
    public static WalletRequest Of(string method, JsonElement parameters) =>
        new(method, parameters, method == "eth_signTypedData_v4" ? PrimaryTypeOf(parameters) : null);

    private static string? PrimaryTypeOf(JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Array || parameters.GetArrayLength() < 2)
        {
            return null;
        }

        var typed = parameters[1];
        using var parsed = typed.ValueKind == JsonValueKind.String ? JsonDocument.Parse(typed.GetString()!) : null;
        var root = parsed?.RootElement ?? typed;
        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("primaryType", out var type) ? type.GetString() : null;
    }
}
