using System.Text.Json;
using PowerVerse.Ethereum.Hex;

namespace PowerVerse.Ethereum.Abi;

/// <summary>A contract's JSON ABI (Solidity docs, "JSON"): functions, events and custom errors, with lookups for decoding.</summary>
public sealed class ContractAbi
{
    private readonly Dictionary<string, AbiEvent> _eventsByTopic;
    private readonly Dictionary<string, AbiError> _errorsBySelector;

    public ContractAbi(IReadOnlyList<AbiFunction> functions, IReadOnlyList<AbiEvent> events, IReadOnlyList<AbiError> errors, IReadOnlyList<AbiParameter>? constructorInputs = null)
    {
        Functions = functions;
        Events = events;
        Errors = errors;
        ConstructorInputs = constructorInputs ?? [];
        _eventsByTopic = events.Where(e => !e.Anonymous).GroupBy(e => e.Topic0Hex).ToDictionary(g => g.Key, g => g.First());
        _errorsBySelector = errors.Concat([AbiError.ErrorString, AbiError.Panic])
            .GroupBy(e => HexEncoding.ToHex(e.Selector.Span)).ToDictionary(g => g.Key, g => g.First());
    }

    public IReadOnlyList<AbiFunction> Functions { get; }

    public IReadOnlyList<AbiEvent> Events { get; }

    public IReadOnlyList<AbiError> Errors { get; }

    public IReadOnlyList<AbiParameter> ConstructorInputs { get; }

    /// <summary>Parses a JSON ABI array, or an artifact object with an "abi" property.</summary>
    /// <exception cref="AbiEncodingException">Not a valid ABI.</exception>
    public static ContractAbi Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

    public static ContractAbi FromJson(JsonElement root)
    {
        var entries = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("abi", out var abi) ? abi : root;
        if (entries.ValueKind != JsonValueKind.Array)
        {
            throw new AbiEncodingException("A JSON ABI is an array of entries (or an artifact with an 'abi' array).");
        }

        var functions = new List<AbiFunction>();
        var events = new List<AbiEvent>();
        var errors = new List<AbiError>();
        IReadOnlyList<AbiParameter>? constructor = null;
        foreach (var entry in entries.EnumerateArray())
        {
            var kind = entry.TryGetProperty("type", out var t) ? t.GetString() : "function";
            var name = entry.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
            var inputs = Parameters(entry, "inputs");
            switch (kind)
            {
                case "function":
                    var mutability = entry.TryGetProperty("stateMutability", out var m) ? m.GetString() ?? "nonpayable" : "nonpayable";
                    functions.Add(new AbiFunction(name, inputs, Parameters(entry, "outputs"), mutability));
                    break;
                case "event":
                    events.Add(new AbiEvent(name, inputs, entry.TryGetProperty("anonymous", out var a) && a.GetBoolean()));
                    break;
                case "error":
                    errors.Add(new AbiError(name, inputs));
                    break;
                case "constructor":
                    constructor = inputs;
                    break;
            }
        }

        return new ContractAbi(functions, events, errors, constructor);
    }

    /// <summary>The function of that name (the only one, or the one with that canonical signature).</summary>
    /// <exception cref="KeyNotFoundException">No such function, or the name is overloaded.</exception>
    public AbiFunction GetFunction(string nameOrSignature)
    {
        var matches = Functions.Where(f => f.Name == nameOrSignature || f.Signature == nameOrSignature).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new KeyNotFoundException($"The ABI has no function '{nameOrSignature}'."),
            _ => throw new KeyNotFoundException($"'{nameOrSignature}' is overloaded; use a full signature such as '{matches[0].Signature}'."),
        };
    }

    public AbiEvent GetEvent(string name) =>
        Events.FirstOrDefault(e => e.Name == name || e.Signature == name) ?? throw new KeyNotFoundException($"The ABI has no event '{name}'.");

    public AbiError GetError(string name) =>
        Errors.FirstOrDefault(e => e.Name == name || e.Signature == name) ?? throw new KeyNotFoundException($"The ABI has no error '{name}'.");

    /// <summary>Decodes a log whose topic 0 is one of this ABI's events; null when none matches.</summary>
    public DecodedEvent? TryDecodeLog(IReadOnlyList<byte[]> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        return topics.Count > 0 && _eventsByTopic.TryGetValue(HexEncoding.ToHex(topics[0]), out var e) ? e.Decode(topics, data) : null;
    }

    /// <summary>Decodes revert data as one of this ABI's errors, Error(string) or Panic(uint256); null when unknown or empty.</summary>
    public DecodedError? TryDecodeError(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length < 4 || !_errorsBySelector.TryGetValue(HexEncoding.ToHex(revertData[..4]), out var error))
        {
            return null;
        }

        try
        {
            return error.Decode(revertData);
        }
        catch (AbiDecodingException)
        {
            return null;
        }
    }

    private static AbiParameter[] Parameters(JsonElement entry, string property)
    {
        if (!entry.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return list.EnumerateArray().Select(Parameter).ToArray();
    }

    private static AbiParameter Parameter(JsonElement p)
    {
        var name = p.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
        var typeName = p.GetProperty("type").GetString() ?? throw new AbiEncodingException("ABI parameter without a type.");
        var indexed = p.TryGetProperty("indexed", out var i) && i.ValueKind == JsonValueKind.True;
        return new AbiParameter(name, TypeOf(typeName, p), indexed);
    }

    private static AbiType TypeOf(string typeName, JsonElement p)
    {
        if (!typeName.StartsWith("tuple", StringComparison.Ordinal))
        {
            return AbiType.Parse(typeName);
        }

        // "tuple", "tuple[]", "tuple[2][]": components give the tuple, the suffix the array dimensions.
        AbiType type = AbiType.Tuple(Parameters(p, "components"));
        var suffix = typeName["tuple".Length..];
        while (suffix.Length > 0)
        {
            var close = suffix.IndexOf(']', StringComparison.Ordinal);
            var size = suffix[1..close];
            type = AbiType.Array(type, size.Length == 0 ? null : int.Parse(size, System.Globalization.CultureInfo.InvariantCulture));
            suffix = suffix[(close + 1)..];
        }

        return type;
    }
}
