using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.JsonRpc.Client;
using Newtonsoft.Json.Linq;

namespace PowerVerse.Chain.Errors;

/// <summary>
/// Every custom error of the PowerVerse contracts (contracts/abi, embedded at build), plus Solidity's built-in
/// <c>Error(string)</c> and <c>Panic(uint256)</c>, by 4-byte selector. Decodes revert data wherever Nethereum
/// surfaces it: the typed <see cref="SmartContractCustomErrorRevertException"/> or <see cref="SmartContractRevertException"/> of a call, or the JSON-RPC error's
/// <c>data</c> of a send or an estimate (Hardhat refuses a reverting transaction at send time with the data there).
/// </summary>
public sealed class CustomErrorRegistry
{
    private const string BuiltInErrors = """
        [{"type":"error","name":"Error","inputs":[{"name":"message","type":"string"}]},
         {"type":"error","name":"Panic","inputs":[{"name":"code","type":"uint256"}]}]
        """;

    private static readonly Lazy<CustomErrorRegistry> ContractsLazy = new(() => new CustomErrorRegistry(EmbeddedAbis.Read()));

    private readonly Dictionary<string, ErrorABI> _errors = new(StringComparer.Ordinal);
    private readonly FunctionCallDecoder _decoder = new();

    public CustomErrorRegistry(IEnumerable<string> abiJsons)
    {
        ArgumentNullException.ThrowIfNull(abiJsons);
        var deserialiser = new ABIJsonDeserialiser();
        foreach (var abi in abiJsons.Prepend(BuiltInErrors))
        {
            foreach (var error in deserialiser.DeserialiseContract(abi).Errors)
            {
                // Several contracts share an error (through a common interface): same selector, same shape.
                _errors.TryAdd(error.Sha3Signature.EnsureHexPrefix().ToLowerInvariant(), error);
            }
        }
    }

    /// <summary>How many distinct errors are known.</summary>
    public int Count => _errors.Count;

    /// <summary>The registry over the PowerVerse contracts' ABIs.</summary>
    public static CustomErrorRegistry Contracts => ContractsLazy.Value;

    /// <summary>The error ABI for a selector (0x and 8 hex digits), if any contract declares it.</summary>
    public ErrorABI? Find(string selector) => _errors.GetValueOrDefault(selector.EnsureHexPrefix().ToLowerInvariant());

    /// <summary>Decodes revert data (0x-hex); null when there is none (a revert without data).</summary>
    public DecodedError? Decode(string? revertData)
    {
        var hex = revertData?.RemoveHexPrefix();
        if (string.IsNullOrEmpty(hex) || hex.Length < 8)
        {
            return null;
        }

        var selector = "0x" + hex[..8].ToLowerInvariant();
        if (Find(selector) is not { } error)
        {
            return new DecodedError(DecodedError.UnknownName, selector, [new(string.Empty, "bytes", "0x" + hex)]);
        }

        var outputs = _decoder.DecodeError(error, "0x" + hex);
        return new DecodedError(error.Name, selector, outputs.Select(o => new DecodedArgument(o.Parameter.Name, o.Parameter.Type, o.Result)).ToList());
    }

    /// <summary>Finds revert data in an exception from Nethereum (or one wrapping it) and decodes it.</summary>
    public DecodedError? Decode(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var data = current switch
            {
                SmartContractCustomErrorRevertException custom => custom.ExceptionEncodedData,
                SmartContractRevertException reverted => reverted.EncodedData,
                RpcResponseException rpc => RevertData(rpc.RpcError.Data),
                _ => null,
            };
            if (Decode(data) is { } decoded)
            {
                return decoded;
            }
        }

        return null;
    }

    /// <summary>The revert data of a JSON-RPC error: a hex string, or nested in <c>{data}</c> as some nodes send it.</summary>
    internal static string? RevertData(object? data) => data switch
    {
        string text when text.IsHex() => text,
        JValue { Value: string text } when text.IsHex() => text,
        JObject obj => RevertData(obj["data"]),
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } json => RevertData(json.GetString()),
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Object } json when json.TryGetProperty("data", out var inner) => RevertData(inner),
        _ => null,
    };
}
