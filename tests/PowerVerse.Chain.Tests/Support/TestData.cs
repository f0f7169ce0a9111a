using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace PowerVerse.Chain.Tests.Support;

/// <summary>The committed test data: ethers' expected values (TestData/expected.json), compiled contracts and and the contracts' ABIs (contracts/abi).</summary>
internal static class TestData
{
    private static readonly Lazy<JsonDocument> ExpectedLazy = new(() => Load("expected.json"));
    private static readonly Lazy<JsonDocument> ContractsLazy = new(() => Load("contracts.json"));

    public static JsonElement Expected => ExpectedLazy.Value.RootElement;

    public static JsonElement Contracts => ContractsLazy.Value.RootElement;

    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "TestData", relative);

    public static JsonDocument Load(string relative) => JsonDocument.Parse(File.ReadAllText(PathOf(relative)));

    /// <summary>Hardhat's default account #<paramref name="index"/> (mnemonic "test test ... junk").</summary>
    public static string PrivateKey(int index) => Expected.GetProperty("accounts")[index].GetProperty("privateKey").GetString()!;

    /// <summary>A JSON value as the CLR values the ABI layer takes: strings stay strings (decimal or hex), arrays become lists.</summary>
    public static object? ToClr(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => BigInteger.Parse(value.GetRawText(), CultureInfo.InvariantCulture),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => value.EnumerateArray().Select(ToClr).ToList(),
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => ToClr(p.Value)),
        _ => null,
    };

    /// <summary>0..n-1 over a section of expected.json, for theories that read one case each.</summary>
    public static TheoryData<int> Indexes(string section) =>
        new(Enumerable.Range(0, Expected.GetProperty(section).GetArrayLength()));
}
