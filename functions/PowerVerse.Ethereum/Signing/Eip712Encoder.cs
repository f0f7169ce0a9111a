using System.Text;
using PowerVerse.Ethereum.Abi;
using PowerVerse.Ethereum.Crypto;

namespace PowerVerse.Ethereum.Signing;

/// <summary>
/// EIP-712 hashing: encodeType (primary type then referenced types sorted by name), typeHash,
/// encodeData (atomic values ABI-encoded; bytes and string hashed; structs hashStruct'ed; arrays
/// keccak256 of the concatenated element encodings), and the signing hash
/// keccak256(0x19 ‖ 0x01 ‖ domainSeparator ‖ hashStruct(message)).
/// </summary>
public static class Eip712Encoder
{
    private const string DomainType = "EIP712Domain";

    private static readonly (string Name, string Type)[] DomainFieldOrder =
        [("name", "string"), ("version", "string"), ("chainId", "uint256"), ("verifyingContract", "address"), ("salt", "bytes32")];

    public static byte[] SigningHash(TypedData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var buffer = new byte[66];
        buffer[0] = 0x19;
        buffer[1] = 0x01;
        DomainSeparator(data).CopyTo(buffer, 2);
        HashStruct(data.PrimaryType, data.Message, data.Types).CopyTo(buffer, 34);
        return Keccak256.Hash(buffer);
    }

    public static byte[] DomainSeparator(TypedData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var types = WithDomainType(data);
        return HashStruct(DomainType, data.Domain, types);
    }

    /// <summary>e.g. "Mail(Person from,Person to,string contents)Person(string name,address wallet)".</summary>
    public static string EncodeType(string primaryType, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var dependencies = new SortedSet<string>(StringComparer.Ordinal);
        CollectDependencies(primaryType, types, dependencies);
        dependencies.Remove(primaryType);
        var builder = new StringBuilder();
        foreach (var name in new[] { primaryType }.Concat(dependencies))
        {
            builder.Append(name).Append('(').AppendJoin(',', types[name].Select(f => $"{f.Type} {f.Name}")).Append(')');
        }

        return builder.ToString();
    }

    public static byte[] TypeHash(string primaryType, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types) =>
        Keccak256.Hash(EncodeType(primaryType, types));

    public static byte[] HashStruct(string type, IReadOnlyDictionary<string, object?> values, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(types);
        if (!types.TryGetValue(type, out var fields))
        {
            throw new AbiEncodingException($"EIP-712 type '{type}' is not defined.");
        }

        var buffer = new byte[32 * (fields.Count + 1)];
        TypeHash(type, types).CopyTo(buffer, 0);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (!values.TryGetValue(field.Name, out var value))
            {
                throw new AbiEncodingException($"EIP-712 {type}.{field.Name} is missing.");
            }

            try
            {
                EncodeValue(field.Type, value, types).CopyTo(buffer, 32 * (i + 1));
            }
            catch (AbiEncodingException ex)
            {
                throw new AbiEncodingException($"EIP-712 {type}.{field.Name}: {ex.Message}", ex);
            }
        }

        return Keccak256.Hash(buffer);
    }

    private static byte[] EncodeValue(string type, object? value, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types)
    {
        if (type.EndsWith(']'))
        {
            var elementType = type[..type.LastIndexOf('[')];
            var items = value as System.Collections.IEnumerable is { } e && value is not string and not byte[]
                ? e.Cast<object?>().ToList()
                : throw new AbiEncodingException($"{AbiConvert.Describe(value)} is not an array for {type}.");
            var size = type[(type.LastIndexOf('[') + 1)..^1];
            if (size.Length > 0 && int.Parse(size, System.Globalization.CultureInfo.InvariantCulture) != items.Count)
            {
                throw new AbiEncodingException($"{type} needs {size} elements; got {items.Count}.");
            }

            var concatenated = new byte[32 * items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                EncodeValue(elementType, items[i], types).CopyTo(concatenated, 32 * i);
            }

            return Keccak256.Hash(concatenated);
        }

        if (types.ContainsKey(type))
        {
            return value is IReadOnlyDictionary<string, object?> nested
                ? HashStruct(type, nested, types)
                : throw new AbiEncodingException($"{AbiConvert.Describe(value)} is not a {type} struct.");
        }

        return type switch
        {
            "string" => value is string s ? Keccak256.Hash(s) : throw new AbiEncodingException($"{AbiConvert.Describe(value)} is not a string."),
            "bytes" => Keccak256.Hash(AbiConvert.ToBytes(value, "bytes")),
            _ => AbiType.Parse(type).Encode(value),
        };
    }

    private static void CollectDependencies(string type, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types, SortedSet<string> found)
    {
        var baseType = type.Contains('[', StringComparison.Ordinal) ? type[..type.IndexOf('[', StringComparison.Ordinal)] : type;
        if (!types.TryGetValue(baseType, out var fields) || !found.Add(baseType))
        {
            return;
        }

        foreach (var field in fields)
        {
            CollectDependencies(field.Type, types, found);
        }
    }

    private static Dictionary<string, IReadOnlyList<TypedDataField>> WithDomainType(TypedData data)
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>(data.Types);
        if (!types.ContainsKey(DomainType))
        {
            types[DomainType] = DomainFieldOrder.Where(f => data.Domain.ContainsKey(f.Name)).Select(f => new TypedDataField(f.Name, f.Type)).ToArray();
        }

        return types;
    }
}
