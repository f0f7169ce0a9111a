using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace PowerVerse.Workflows.Tests.Support;

/// <summary>Reading the API's JSON views in assertions: members as text, and an account's holdings, balances and revenues.</summary>
public static class ApiJson
{
    /// <summary>A member as text: strings as they are, numbers and booleans as JSON, null as null.</summary>
    public static string? Text(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => value.GetRawText(),
        } : throw new KeyNotFoundException($"No member '{name}' in {element.GetRawText()}");

    public static BigInteger Number(this JsonElement element, string name) =>
        BigInteger.Parse(element.Text(name) ?? throw new KeyNotFoundException($"'{name}' is null in {element.GetRawText()}"), CultureInfo.InvariantCulture);

    public static bool SameAddress(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The amount of an account's holding (kind hid, vid, uid, rid or use) of a token id; null when it holds none.</summary>
    public static BigInteger? Holding(this JsonElement account, string kind, BigInteger tokenId) =>
        account.GetProperty("holdings").EnumerateArray()
            .Where(h => h.Text("kind") == kind && h.Text("tokenId") == tokenId.ToString(CultureInfo.InvariantCulture))
            .Select(h => (BigInteger?)h.Number("amount")).FirstOrDefault();

    /// <summary>An account's balance of a payment token (0 when the API lists none).</summary>
    public static BigInteger Balance(this JsonElement account, string token) =>
        account.GetProperty("balances").EnumerateArray().Where(b => SameAddress(b.Text("token"), token)).Select(b => b.Number("balance")).FirstOrDefault();

    /// <summary>An account's revenue row of a VID in a token, if any.</summary>
    public static JsonElement? Revenue(this JsonElement account, BigInteger vid, string token) =>
        account.GetProperty("revenues").EnumerateArray()
            .Where(r => r.Text("vid") == vid.ToString(CultureInfo.InvariantCulture) && SameAddress(r.Text("token"), token))
            .Select(r => (JsonElement?)r).FirstOrDefault();

    public static IReadOnlyList<string> FreeResources(this JsonElement account) =>
        [.. account.GetProperty("freeResources").EnumerateArray().Select(v => v.GetString()!)];
}
